using System.Runtime.CompilerServices;

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
