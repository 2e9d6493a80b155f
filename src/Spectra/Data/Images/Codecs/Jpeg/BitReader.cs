namespace Spectra.Data.Images.Codecs.Jpeg;

/// <summary>
/// Reads entropy-coded bits, removing the 0x00 stuffed after each 0xFF. It stops in front of a marker:
/// past it the decoder sees zero bits, and <see cref="Overran"/> tells whether it used any of them.
/// </summary>
internal sealed class BitReader
{
    private readonly byte[] _data;
    private readonly int _length;
    private ulong _bits;
    private int _count;
    private int _fakeBits;

    /// <summary>Reads <paramref name="data"/>'s first <paramref name="length"/> bytes (the array may be a longer reused buffer).</summary>
    public BitReader(byte[] data, int length, int position)
    {
        _data = data;
        _length = length;
        Position = position;
    }

    /// <summary>Where the next unread byte is (at a marker once the segment is exhausted).</summary>
    public int Position { get; private set; }

    /// <summary>True when the decoder consumed bits that were not in the file (data ended at a marker or the file's end).</summary>
    public bool Overran => _fakeBits > _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Fill()
    {
        // Eight bytes at once when none of them is 0xFF (no stuffing, no marker): the usual case.
        if (_count <= 56 && Position <= _length - 8)
        {
            ulong word = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(_data.AsSpan(Position, 8));
            ulong inverted = ~word; // a 0xFF byte of word is a zero byte here
            if (((inverted - 0x0101010101010101UL) & ~inverted & 0x8080808080808080UL) == 0)
            {
                int take = (64 - _count) >> 3;
                _bits |= word >> (64 - 8 * take) << (64 - _count - 8 * take);
                _count += 8 * take;
                Position += take;
                return;
            }
        }
        while (_count <= 56)
        {
            int b = 0;
            if (Position < _length)
            {
                b = _data[Position];
                if (b == 0xFF)
                {
                    int next = Position + 1 < _length ? _data[Position + 1] : -1;
                    if (next == 0) Position += 2;
                    else if (next == 0xFF) { Position++; continue; } // fill bytes before a marker
                    else { b = 0; _fakeBits += 8; goto Append; }
                }
                else Position++;
            }
            else _fakeBits += 8;
            Append:
            _bits |= (ulong)b << (56 - _count);
            _count += 8;
        }
    }

    public int Peek16()
    {
        if (_count < 16) Fill();
        return (int)(_bits >> 48);
    }

    public void Skip(int n)
    {
        _bits <<= n;
        _count -= n;
    }

    public int Bits(int n)
    {
        if (n == 0) return 0;
        if (_count < n) Fill();
        int v = (int)(_bits >> (64 - n));
        _bits <<= n;
        _count -= n;
        return v;
    }

    public int Bit() => Bits(1);

    /// <summary>Receive-and-extend: n bits as a signed coefficient.</summary>
    public int Receive(int n)
    {
        int v = Bits(n);
        return v < 1 << (n - 1) ? v - (1 << n) + 1 : v;
    }

    /// <summary>
    /// A Huffman symbol and the coefficient its low four bits size, with one refill: a code (≤ 16 bits)
    /// plus its extra bits (≤ 15) always fit in the 57 or more bits a refill leaves.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int DecodeCoefficient(HuffmanTable table, out int value)
    {
        if (_count < 32) Fill();
        int s = table.Decode((int)(_bits >> 48), out int len);
        _bits <<= len;
        _count -= len;
        int size = s & 15;
        if (size == 0)
        {
            value = 0;
            return s;
        }
        int v = (int)(_bits >> (64 - size));
        _bits <<= size;
        _count -= size;
        value = v < 1 << (size - 1) ? v - (1 << size) + 1 : v;
        return s;
    }

    /// <summary>
    /// One baseline block: the DC difference added to <paramref name="predictor"/>, then the AC run/size
    /// pairs, coefficients in zigzag order. The same reads as <see cref="DecodeSymbol"/>,
    /// <see cref="Receive"/> and <see cref="DecodeCoefficient"/>, with the bit buffer held in locals for
    /// the whole block instead of loaded from and stored to this object for every symbol.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void DecodeBaselineBlock(HuffmanTable dc, HuffmanTable ac, ref int predictor, Span<short> block)
    {
        ulong bits = _bits;
        int count = _count;
        // A refill leaves at least 57 bits: a code (≤ 16 bits) and its extra bits (≤ 15) need at most 31.
        if (count < 32)
        {
            (_bits, _count) = (bits, count);
            Fill();
            (bits, count) = (_bits, _count);
        }
        int t = dc.Decode((int)(bits >> 48), out int length);
        bits <<= length;
        count -= length;
        if (t > 11) throw SpectraException.Invalid("JPEG DC difference category is out of range (the file is corrupt)");
        if (t != 0)
        {
            int v = (int)(bits >> (64 - t));
            bits <<= t;
            count -= t;
            predictor += v < 1 << (t - 1) ? v - (1 << t) + 1 : v;
        }
        block[0] = (short)Math.Clamp(predictor, short.MinValue, short.MaxValue);
        var whole = ac.Coefficients;
        for (int k = 1; k < 64;)
        {
            if (count < 32)
            {
                (_bits, _count) = (bits, count);
                Fill();
                (bits, count) = (_bits, _count);
            }
            int f = whole[(int)(bits >> (64 - HuffmanTable.LookupBits))];
            if (f != 0)
            {
                k += (f >> 4) & 15;
                if (k > 63) throw SpectraException.Invalid("JPEG block has more than 64 coefficients (the file is corrupt)");
                bits <<= f & 15;
                count -= f & 15;
                block[k++] = (short)(f >> 16);
                continue;
            }
            int rs = ac.Decode((int)(bits >> 48), out length);
            bits <<= length;
            count -= length;
            int size = rs & 15, run = rs >> 4;
            if (size == 0)
            {
                if (run != 15) break;
                k += 16;
                continue;
            }
            k += run;
            if (k > 63) throw SpectraException.Invalid("JPEG block has more than 64 coefficients (the file is corrupt)");
            int value = (int)(bits >> (64 - size));
            bits <<= size;
            count -= size;
            block[k++] = (short)(value < 1 << (size - 1) ? value - (1 << size) + 1 : value);
        }
        (_bits, _count) = (bits, count);
    }

    public int DecodeSymbol(HuffmanTable table)
    {
        int s = table.Decode(Peek16(), out int len);
        Skip(len);
        return s;
    }

    /// <summary>Drops buffered bits (at a restart marker or a scan's end) and re-aligns on the byte stream.</summary>
    public void Reset()
    {
        if (Overran) throw SpectraException.Invalid("JPEG entropy-coded data ends early (the file is truncated or corrupt)");
        // Unused whole bytes were taken from the stream: give them back (real bytes only; stuffing is not re-counted).
        _bits = 0;
        _count = 0;
        _fakeBits = 0;
    }

    /// <summary>Moves to the marker that ends the current entropy-coded segment.</summary>
    public int SeekMarker()
    {
        int p = Position;
        while (p + 1 < _length && !(_data[p] == 0xFF && _data[p + 1] != 0 && _data[p + 1] != 0xFF)) p++;
        Position = p;
        return p;
    }
}
