namespace Spectra.Data.Images.Codecs.Jpeg;

/// <summary>A canonical Huffman table from a DHT segment, with a 9-bit lookup for the common short codes.</summary>
internal sealed class HuffmanTable
{
    public const int LookupBits = 9;

    // Lookup entry: (code length << 8) | symbol, 0 when the code is longer than LookupBits.
    private readonly ushort[] _lookup = new ushort[1 << LookupBits];
    private readonly int[] _maxCode = new int[18];
    private readonly int[] _valOffset = new int[18];
    private readonly byte[] _symbols;

    /// <summary>
    /// For AC tables: indexed by the next <see cref="LookupBits"/> bits, a whole coefficient when its code
    /// and its extra bits both fit in them: (value &lt;&lt; 16) | (run &lt;&lt; 4) | bits used; 0 otherwise. Most
    /// coefficients of a real image are small and take this path (one lookup instead of two reads).
    /// </summary>
    public int[] Coefficients { get; } = new int[1 << LookupBits];

    private const int CacheLimit = 64;
    private static (byte[] Definition, HuffmanTable Table)[] s_cache = [];
    private static readonly Lock CacheLock = new();

    /// <summary>
    /// The table for a DHT definition (16 counts then the symbols), built once per distinct definition:
    /// most files of a folder share their encoder's tables, and building the lookup costs more than
    /// decoding a small image. Tables are immutable, so sharing them between threads is safe. The cache
    /// is an array replaced whole on insertion: a lookup takes no lock and allocates nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static HuffmanTable Shared(ReadOnlySpan<byte> definition)
    {
        foreach (var (known, cached) in Volatile.Read(ref s_cache))
            if (definition.SequenceEqual(known)) return cached;
        var table = new HuffmanTable(definition[..16], definition[16..]);
        lock (CacheLock)
        {
            var kept = s_cache.Length >= CacheLimit ? [] : s_cache;
            Volatile.Write(ref s_cache, [.. kept, (definition.ToArray(), table)]);
        }
        return table;
    }

    public HuffmanTable(ReadOnlySpan<byte> counts, ReadOnlySpan<byte> symbols)
    {
        _symbols = symbols.ToArray();
        int code = 0, k = 0;
        for (int len = 1; len <= 16; len++)
        {
            int n = counts[len - 1];
            // Checked before the codes are entered: an over-subscribed length would index past the lookup.
            if (code + n > 1 << len) throw SpectraException.Invalid("JPEG Huffman table is over-subscribed (the file is corrupt)");
            _valOffset[len] = k - code;
            for (int i = 0; i < n; i++, k++, code++)
            {
                if (len <= LookupBits)
                {
                    int shift = LookupBits - len;
                    for (int fill = 0; fill < 1 << shift; fill++) _lookup[(code << shift) | fill] = (ushort)(len << 8 | symbols[k]);
                }
            }
            _maxCode[len] = n > 0 ? code - 1 : -1;
            code <<= 1;
        }
        _maxCode[17] = int.MaxValue;
        for (int prefix = 0; prefix < 1 << LookupBits; prefix++)
        {
            int e = _lookup[prefix];
            if (e == 0) continue;
            int length = e >> 8, rs = e & 0xFF, size = rs & 15;
            if (size == 0 || length + size > LookupBits) continue;
            int extra = (prefix >> (LookupBits - length - size)) & ((1 << size) - 1);
            int value = extra < 1 << (size - 1) ? extra - (1 << size) + 1 : extra;
            Coefficients[prefix] = value << 16 | (rs >> 4) << 4 | (length + size);
        }
    }

    /// <summary>Decodes one symbol; <paramref name="peek16"/> is the next 16 bits of the stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Decode(int peek16, out int length)
    {
        int e = _lookup[peek16 >> (16 - LookupBits)];
        if (e != 0)
        {
            length = e >> 8;
            return e & 0xFF;
        }
        return DecodeLong(peek16, out length);
    }

    private int DecodeLong(int peek16, out int length)
    {
        for (int len = LookupBits + 1; len <= 16; len++)
        {
            int code = peek16 >> (16 - len);
            if (code <= _maxCode[len])
            {
                length = len;
                int index = code + _valOffset[len];
                if ((uint)index >= (uint)_symbols.Length) break;
                return _symbols[index];
            }
        }
        throw SpectraException.Invalid("JPEG entropy data holds an invalid Huffman code (the file is corrupt)");
    }
}
