namespace Spectra.Data.Parquet.Encodings;

/// <summary>
/// Turns the physical values of one numeric column into doubles: signed or unsigned integers,
/// DECIMAL (unscaled / 10^scale), FLOAT16, FLOAT, DOUBLE, BOOLEAN (0/1).
/// </summary>
internal sealed class NumericDecoder
{
    private readonly PhysicalType _type;
    private readonly int _width;
    private readonly bool _unsigned, _decimal, _float16;
    private readonly double _divisor;

    public NumericDecoder(ParquetColumn column)
    {
        _type = column.PhysicalType;
        _unsigned = column.IsUnsigned;
        _decimal = column.IsDecimal;
        _float16 = column.IsFloat16;
        if (_decimal && (column.DecimalScale < 0 || column.DecimalScale > 308))
            throw ParquetErrors.Corrupt($"DECIMAL scale {column.DecimalScale} is out of range");
        _divisor = _decimal ? Math.Pow(10, column.DecimalScale) : 1;
        _width = _type switch
        {
            PhysicalType.Int32 or PhysicalType.Float => 4,
            PhysicalType.Int64 or PhysicalType.Double => 8,
            PhysicalType.FixedLenByteArray => column.TypeLength,
            _ => 0,
        };
        if (_type == PhysicalType.FixedLenByteArray && (_width <= 0 || _width > 1 << 20))
            throw ParquetErrors.Corrupt($"FIXED_LEN_BYTE_ARRAY length {_width} is out of range");
    }

    /// <summary>Bytes per value in PLAIN layout; 0 for BOOLEAN (bits) and BYTE_ARRAY (length-prefixed).</summary>
    public int FixedWidth => _width;

    public bool IsByteArray => _type == PhysicalType.ByteArray;

    public bool IsInteger => _type is PhysicalType.Int32 or PhysicalType.Int64;

    /// <summary>Decodes <paramref name="output"/>.Length PLAIN values; returns the bytes consumed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int DecodePlain(ReadOnlySpan<byte> data, Span<double> output)
    {
        int n = output.Length;
        if (_type == PhysicalType.Boolean)
        {
            long bytes = (n + 7L) / 8;
            if (bytes > data.Length) throw ParquetErrors.Corrupt($"PLAIN booleans need {bytes} bytes, the page has {data.Length}");
            for (int i = 0; i < n; i++) output[i] = (data[i >> 3] >> (i & 7)) & 1;
            return (int)bytes;
        }
        if (_type == PhysicalType.ByteArray)
        {
            var local = new double[n];
            int used = ByteArrayDecoders.DecodePlain(data, n, (i, v) => local[i] = BigEndianDecimal(v));
            local.CopyTo(output);
            return used;
        }
        long need = (long)n * _width;
        if (need > data.Length) throw ParquetErrors.Corrupt($"PLAIN values need {need} bytes, the page has {data.Length}");
        var src = data.Slice(0, (int)need);
        switch (_type)
        {
            case PhysicalType.Float:
                Widening.FloatsToDoubles(MemoryMarshal.Cast<byte, float>(src), output);
                break;
            case PhysicalType.Double:
                MemoryMarshal.Cast<byte, double>(src).CopyTo(output);
                break;
            case PhysicalType.Int32:
            {
                var v = MemoryMarshal.Cast<byte, int>(src);
                if (_unsigned) for (int i = 0; i < n; i++) output[i] = (uint)v[i] / _divisor;
                else if (_decimal) for (int i = 0; i < n; i++) output[i] = v[i] / _divisor;
                else for (int i = 0; i < n; i++) output[i] = v[i];
                break;
            }
            case PhysicalType.Int64:
            {
                var v = MemoryMarshal.Cast<byte, long>(src);
                if (_unsigned) for (int i = 0; i < n; i++) output[i] = (ulong)v[i] / _divisor;
                else if (_decimal) for (int i = 0; i < n; i++) output[i] = v[i] / _divisor;
                else for (int i = 0; i < n; i++) output[i] = v[i];
                break;
            }
            case PhysicalType.FixedLenByteArray:
                for (int i = 0; i < n; i++) output[i] = FixedValue(src.Slice(i * _width, _width));
                break;
            default:
                throw ParquetErrors.Unsupported($"physical type {_type} is not a numeric type");
        }
        return (int)need;
    }

    /// <summary>Converts integers decoded by DELTA_BINARY_PACKED.</summary>
    public void FromIntegers(ReadOnlySpan<long> values, Span<double> output)
    {
        if (_type == PhysicalType.Int32)
        {
            if (_unsigned) for (int i = 0; i < values.Length; i++) output[i] = (uint)(int)values[i] / _divisor;
            else for (int i = 0; i < values.Length; i++) output[i] = (int)values[i] / _divisor;
        }
        else
        {
            if (_unsigned) for (int i = 0; i < values.Length; i++) output[i] = (ulong)values[i] / _divisor;
            else for (int i = 0; i < values.Length; i++) output[i] = values[i] / _divisor;
        }
    }

    /// <summary>One byte-array value (a DECIMAL) as a double.</summary>
    public double FromByteArray(ReadOnlySpan<byte> value) => BigEndianDecimal(value);

    private double FixedValue(ReadOnlySpan<byte> v)
    {
        if (_float16) return (double)BinaryPrimitives.ReadHalfLittleEndian(v);
        if (_decimal) return BigEndianDecimal(v);
        throw ParquetErrors.Unsupported("fixed-length binary values are not numbers");
    }

    private double BigEndianDecimal(ReadOnlySpan<byte> v)
    {
        if (!_decimal) throw ParquetErrors.Unsupported("binary values are not numbers");
        if (v.Length == 0) return 0;
        if (v.Length <= 8)
        {
            long x = (sbyte)v[0];
            for (int i = 1; i < v.Length; i++) x = (x << 8) | v[i];
            return x / _divisor;
        }
        if (v.Length > 64) throw ParquetErrors.Unsupported($"DECIMAL of {v.Length} bytes is longer than Spectra reads");
        var big = new BigInteger(v, isUnsigned: false, isBigEndian: true);
        return (double)big / _divisor;
    }
}
