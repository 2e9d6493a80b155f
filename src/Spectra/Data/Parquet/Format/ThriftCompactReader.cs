namespace Spectra.Data.Parquet.Format;

/// <summary>
/// A bounds-checked reader of the Thrift compact protocol, the encoding of Parquet's footer and
/// page headers. Every length is checked against the bytes that remain before anything is
/// allocated, and nesting is limited, so a corrupt footer fails fast instead of looping or
/// allocating without bound.
/// </summary>
internal ref struct ThriftCompactReader
{
    public const byte TypeStop = 0, TypeTrue = 1, TypeFalse = 2, TypeByte = 3, TypeI16 = 4, TypeI32 = 5, TypeI64 = 6,
        TypeDouble = 7, TypeBinary = 8, TypeList = 9, TypeSet = 10, TypeMap = 11, TypeStruct = 12;

    private const int MaxDepth = 64;
    private readonly ReadOnlySpan<byte> _buffer;
    private int _depth;

    public ThriftCompactReader(ReadOnlySpan<byte> buffer)
    {
        _buffer = buffer;
        Position = 0;
        _depth = 0;
    }

    public int Position { get; private set; }

    public int Remaining => _buffer.Length - Position;

    /// <summary>Reads the next field header of the current struct; false at the struct's stop byte.</summary>
    public bool NextField(ref short lastId, out short id, out byte type)
    {
        byte header = ReadByte();
        type = (byte)(header & 0x0F);
        if (type == TypeStop)
        {
            id = 0;
            return false;
        }
        int delta = header >> 4;
        if (delta == 0)
        {
            int raw = ReadZigZag32();
            if (raw is < short.MinValue or > short.MaxValue) throw ParquetErrors.Corrupt($"Thrift field id {raw} out of range");
            id = (short)raw;
        }
        else id = (short)(lastId + delta);
        if (type > TypeStruct) throw ParquetErrors.Corrupt($"invalid Thrift field type {type}");
        lastId = id;
        return true;
    }

    public void EnterStruct()
    {
        if (++_depth > MaxDepth) throw ParquetErrors.Corrupt("Thrift structures nested deeper than " + MaxDepth);
    }

    public void ExitStruct() => _depth--;

    public byte ReadByte()
    {
        if (Position >= _buffer.Length) throw ParquetErrors.Corrupt("Thrift data ends early");
        return _buffer[Position++];
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (int shift = 0; shift < 70; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 63 && b > 1) throw ParquetErrors.Corrupt("Thrift varint overflows 64 bits");
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
        throw ParquetErrors.Corrupt("Thrift varint longer than 10 bytes");
    }

    public long ReadZigZag64()
    {
        ulong v = ReadVarint();
        return (long)(v >> 1) ^ -(long)(v & 1);
    }

    public int ReadZigZag32()
    {
        long v = ReadZigZag64();
        if (v < int.MinValue || v > int.MaxValue) throw ParquetErrors.Corrupt("Thrift i32 out of range");
        return (int)v;
    }

    public int ReadI32() => ReadZigZag32();

    public long ReadI64() => ReadZigZag64();

    /// <summary>Reads a boolean field value: in the compact protocol it lives in the field type itself.</summary>
    public static bool BoolFromType(byte type) => type == TypeTrue;

    public ReadOnlySpan<byte> ReadBinary()
    {
        ulong length = ReadVarint();
        if (length > (ulong)Remaining) throw ParquetErrors.Corrupt($"Thrift binary of {length} bytes exceeds the {Remaining} bytes left");
        var span = _buffer.Slice(Position, (int)length);
        Position += (int)length;
        return span;
    }

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBinary());

    /// <summary>Reads a list header; the size is bounded by the bytes left (every element takes at least one byte, booleans included).</summary>
    public int ReadListHeader(out byte elementType)
    {
        byte header = ReadByte();
        elementType = (byte)(header & 0x0F);
        ulong size = (ulong)(header >> 4);
        if (size == 15) size = ReadVarint();
        if (size > (ulong)Remaining) throw ParquetErrors.Corrupt($"Thrift list of {size} elements exceeds the {Remaining} bytes left");
        return (int)size;
    }

    public double ReadDouble()
    {
        if (Remaining < 8) throw ParquetErrors.Corrupt("Thrift data ends early");
        double v = System.Buffers.Binary.BinaryPrimitives.ReadDoubleLittleEndian(_buffer.Slice(Position, 8));
        Position += 8;
        return v;
    }

    /// <summary>Skips a value of the given type (unknown fields from newer writers).</summary>
    public void Skip(byte type)
    {
        switch (type)
        {
            case TypeTrue or TypeFalse:
                return;
            case TypeByte:
                ReadByte();
                return;
            case TypeI16 or TypeI32 or TypeI64:
                ReadVarint();
                return;
            case TypeDouble:
                ReadDouble();
                return;
            case TypeBinary:
                ReadBinary();
                return;
            case TypeList or TypeSet:
            {
                int n = ReadListHeader(out byte et);
                EnterStruct();
                for (int i = 0; i < n; i++) SkipElement(et);
                ExitStruct();
                return;
            }
            case TypeMap:
            {
                ulong n = ReadVarint();
                if (n == 0) return;
                if (n > (ulong)Remaining) throw ParquetErrors.Corrupt("Thrift map larger than the data left");
                byte kv = ReadByte();
                EnterStruct();
                for (ulong i = 0; i < n; i++)
                {
                    SkipElement((byte)(kv >> 4));
                    SkipElement((byte)(kv & 0x0F));
                }
                ExitStruct();
                return;
            }
            case TypeStruct:
                SkipStruct();
                return;
            default:
                throw ParquetErrors.Corrupt($"invalid Thrift type {type}");
        }
    }

    public void SkipStruct()
    {
        EnterStruct();
        short last = 0;
        while (NextField(ref last, out _, out byte t)) Skip(t);
        ExitStruct();
    }

    // Inside collections a boolean is a whole byte rather than part of a field header.
    private void SkipElement(byte type)
    {
        if (type is TypeTrue or TypeFalse) ReadByte();
        else Skip(type);
    }

    /// <summary>Reads a boolean stored as a collection element.</summary>
    public bool ReadBoolElement() => ReadByte() == TypeTrue;
}
