namespace Spectra.Matrices;

/// <summary>
/// The on-disk form of a partial <see cref="MomentAccumulator"/>, so shards accumulated in separate
/// processes merge into one matrix. Little-endian layout (docs/accumulator-format.md):
/// <code>
///   magic   8 bytes  "SPECACC\0"
///   version u32      1
///   d       u32      features
///   count   i64      rows folded in
///   mean    d × f64
///   m2      d(d+1)/2 × f64   lower triangle of the co-moment, column by column
///   sha256  32 bytes over everything before it
/// </code>
/// </summary>
internal static class AccumulatorFile
{
    private static ReadOnlySpan<byte> Magic => "SPECACC\0"u8;
    public const uint Version = 1;
    private const int HeaderBytes = 8 + 4 + 4 + 8;

    public static void Save(MomentAccumulator acc, string path)
    {
        ArgumentNullException.ThrowIfNull(acc);
        var d = acc.Features;
        var triangle = (long)d * (d + 1) / 2;
        var bytes = new byte[HeaderBytes + 8L * d + 8L * triangle + 32];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], Version);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], (uint)d);
        BinaryPrimitives.WriteInt64LittleEndian(span[16..], acc.Count);
        var pos = HeaderBytes;
        foreach (var m in acc.Mean) { BinaryPrimitives.WriteDoubleLittleEndian(span[pos..], m); pos += 8; }
        for (var col = 0; col < d; col++)
            for (var row = col; row < d; row++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(span[pos..], acc.CoMoment[col * d + row]);
                pos += 8;
            }
        SHA256.HashData(span[..pos], span[pos..]);
        var tmp = path + ".tmp";
        File.WriteAllBytes(tmp, bytes);
        File.Move(tmp, path, overwrite: true);
    }

    public static MomentAccumulator Load(string path, ILinearAlgebraBackend? backend = null)
    {
        var length = Data.Files.RegularFile.Require(path, "the accumulator file");
        if (length < HeaderBytes + 32)
            throw Corrupt(path, $"{length} bytes is shorter than the {HeaderBytes + 32}-byte header and checksum");
        using var stream = File.OpenRead(path);
        var header = new byte[HeaderBytes];
        stream.ReadExactly(header);
        if (!header.AsSpan(0, 8).SequenceEqual(Magic))
            throw Corrupt(path, "not a Spectra accumulator file (wrong magic)");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(8));
        if (version != Version)
            throw new SpectraException(SpectraErrorKind.Unsupported, $"accumulator format version {version} (this build reads {Version})", path);
        var d = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(12));
        var count = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(16));
        // The size follows from d alone; checking it against the file bounds the allocation.
        var expected = HeaderBytes + 8L * d + 8L * ((long)d * (d + 1) / 2) + 32;
        if (d == 0 || d > 1_000_000 || expected != length)
            throw Corrupt(path, $"header says d = {d}, which needs {expected} bytes, but the file has {length}");
        if (count < 0) throw Corrupt(path, $"negative row count {count}");
        var bytes = new byte[length];
        header.CopyTo(bytes, 0);
        stream.ReadExactly(bytes.AsSpan(HeaderBytes));
        var body = bytes.AsSpan(0, (int)(length - 32));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(body, hash);
        if (!hash.SequenceEqual(bytes.AsSpan((int)(length - 32))))
            throw Corrupt(path, "checksum mismatch: the file was modified or truncated");
        var n = (int)d;
        var mean = new double[n];
        var m2 = new double[(long)n * n];
        var pos = HeaderBytes;
        for (var j = 0; j < n; j++) { mean[j] = BinaryPrimitives.ReadDoubleLittleEndian(body[pos..]); pos += 8; }
        for (var col = 0; col < n; col++)
            for (var row = col; row < n; row++)
            {
                m2[col * n + row] = BinaryPrimitives.ReadDoubleLittleEndian(body[pos..]);
                pos += 8;
            }
        return new MomentAccumulator(n, count, mean, m2, backend);
    }

    private static SpectraException Corrupt(string path, string reason) =>
        new(SpectraErrorKind.InvalidInput, reason, path, hint: "re-create the shard with `spectra` or the library's AccumulatorFile.Save");
}
