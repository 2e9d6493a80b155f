namespace Spectra.Pipeline.Shards;

/// <summary>
/// Accumulator files, format 4 (docs/accumulator-format.md; format 3 is still read): <c>SPECACC\0</c>, the version,
/// the header's length and the JSON header, then the per-feature range, the accumulators (main, realisation blocks,
/// classes; each its count, its quantum, and either the mean and the lower triangle of its co-moment or, for 8-bit
/// rows summed exactly, Σ k and the lower triangle of Σ k kᵀ in 64-bit integers) and the duplicate search, all little-endian, and a SHA-256 of
/// everything before it. A reader checks the checksum first, and every size against what the file holds and the
/// run's memory budget before it allocates.
/// </summary>
internal static class ShardFile
{
    public const string Extension = ".spacc";
    private static ReadOnlySpan<byte> Magic => "SPECACC\0"u8;
    private const int Prefix = 8 + 4 + 4;
    private const int MaxHeaderBytes = 256 << 20;
    private const int EntryBytes = 8 + 8 + 8 + 4;
    private const int MaxNameBytes = 1 << 16;

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        MaxDepth = 8,
    };

    /// <summary>Whether the file starts as an accumulator file does.</summary>
    public static bool HasMagic(string path)
    {
        try
        {
            using var s = File.OpenRead(path);
            Span<byte> head = stackalloc byte[8];
            return s.ReadAtLeast(head, 8, throwOnEndOfStream: false) == 8 && head.SequenceEqual(Magic);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static void Write(string path, ShardHeader header, MomentAccumulator main, IReadOnlyList<MomentAccumulator> blocks,
        IReadOnlyDictionary<string, MomentAccumulator> classes, (double[] Min, double[] Max) range, DuplicateLedger? duplicates)
    {
        var tmp = path + ".tmp";
        try
        {
            using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                // Buffered before the hash, so that it sees large blocks rather than one value at a time.
                using (var w = new BinaryWriter(new BufferedStream(new HashingStream(stream, sha), 1 << 20), Encoding.UTF8))
                {
                    var json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
                    w.Write(Magic);
                    w.Write((uint)ShardHeader.CurrentVersion);
                    w.Write((uint)json.Length);
                    w.Write(json);
                    if (header.HasRange)
                    {
                        foreach (var v in range.Min) w.Write(v);
                        foreach (var v in range.Max) w.Write(v);
                    }
                    WriteAccumulator(w, main);
                    foreach (var b in blocks) WriteAccumulator(w, b);
                    foreach (var label in header.Classes) WriteAccumulator(w, classes[label]);
                    if (duplicates is not null)
                    {
                        foreach (var e in duplicates.Distinct) WriteEntry(w, e);
                        foreach (var e in duplicates.FirstDuplicates) WriteEntry(w, e);
                    }
                }
                stream.Write(sha.GetHashAndReset());
            }
            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(tmp); } catch (Exception) { } // nothing more to do: the write itself failed
            throw new SpectraException(SpectraErrorKind.Io, "cannot write the accumulator file: " + e.Message, path,
                hint: "give a path in a folder you can write (on a cluster, one every node sees)", inner: e);
        }
    }

    private static void WriteAccumulator(BinaryWriter w, MomentAccumulator acc)
    {
        var d = acc.Features;
        w.Write(acc.Count);
        if (acc.TryExact(out var quantum, out var sums, out var products))
        {
            // Integers, so that shards merge into the very sums one pass over all rows makes.
            w.Write(quantum);
            WriteValues(w, sums);
            for (var col = 0; col < d; col++) WriteValues(w, products.Slice(col * d + col, d - col));
            return;
        }
        w.Write(0.0);
        WriteValues(w, acc.Mean);
        var c = acc.CoMoment;
        for (var col = 0; col < d; col++) WriteValues(w, c.AsSpan(col * d + col, d - col));
    }

    // Whole columns at a time, not value by value: a 605 MB shard (d = 4096, 8 blocks) took 4 s to read one
    // value per call. The format is little-endian, as BinaryWriter writes it.
    private static void WriteValues<T>(BinaryWriter w, ReadOnlySpan<T> values) where T : unmanaged
    {
        if (BitConverter.IsLittleEndian)
        {
            w.Write(MemoryMarshal.AsBytes(values));
            return;
        }
        var swapped = MemoryMarshal.Cast<T, long>(values).ToArray();
        BinaryPrimitives.ReverseEndianness(swapped, swapped);
        w.Write(MemoryMarshal.AsBytes(swapped.AsSpan()));
    }

    private static void ReadValues<T>(BinaryReader r, Span<T> target) where T : unmanaged
    {
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(target));
        if (BitConverter.IsLittleEndian) return;
        var longs = MemoryMarshal.Cast<T, long>(target);
        BinaryPrimitives.ReverseEndianness(longs, longs);
    }

    private static void WriteEntry(BinaryWriter w, DuplicateLedger.Entry e)
    {
        w.Write(e.HashA);
        w.Write(e.HashB);
        w.Write(e.Position);
        var name = Encoding.UTF8.GetBytes(e.Name);
        if (name.Length > MaxNameBytes) name = Encoding.UTF8.GetBytes(e.Name[..(MaxNameBytes / 4)]);
        w.Write((uint)name.Length);
        w.Write(name);
    }

    /// <summary>The header alone, after the checksum and the header's own sizes are checked.</summary>
    public static ShardHeader ReadHeader(string path)
    {
        var length = RegularFile.Require(path, "the accumulator file");
        VerifyChecksum(path, length);
        using var stream = File.OpenRead(path);
        return ReadHeader(stream, path, length);
    }

    /// <summary>Everything the file holds; <paramref name="backend"/> serves the accumulators' later merges.</summary>
    public static ShardContents Read(string path, ILinearAlgebraBackend backend) => Read(path, backend, into: null, checksumVerified: false);

    /// <summary>
    /// Reads a file whose accumulators are merged, as each is read, into those of <paramref name="into"/> (the shards
    /// read before), through one reused accumulator: a merge holds one set of accumulators and one more, however many
    /// shards it folds. The contents returned carry <paramref name="into"/>'s accumulators (and any label new in this file).
    /// </summary>
    /// <param name="checksumVerified">The caller checked the file's checksum a moment ago (the header pass of a merge).</param>
    public static ShardContents Read(string path, ILinearAlgebraBackend backend, ShardContents? into, bool checksumVerified)
    {
        var length = RegularFile.Require(path, "the accumulator file");
        if (!checksumVerified) VerifyChecksum(path, length);
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 20);
        var h = ReadHeader(stream, path, length);
        var d = h.Features;
        var accumulators = 1L + h.Blocks + h.Classes.Count;
        long accumulatorBytes = (h.Version >= 4 ? 16 : 8) + 8L * d + 8L * ((long)d * (d + 1) / 2);
        long body = (h.HasRange ? 16L * d : 0) + accumulators * accumulatorBytes + (h.Duplicates ? (h.DistinctRows + h.FirstDuplicates) * EntryBytes : 0);
        if (body > length - 32 - stream.Position)
            throw Corrupt(path, $"the header describes {body} bytes of sections, more than the file holds");
        MemoryBudget.Current.Check(accumulators * 8.0 * d * d, $"{accumulators} accumulator(s) of {d} × {d}", path);
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        double[] min = [], max = [];
        if (h.HasRange)
        {
            min = ReadDoubles(r, d);
            max = ReadDoubles(r, d);
        }
        if (into is not null && into.Blocks.Count != h.Blocks) throw Corrupt(path, $"{h.Blocks} realisation blocks where the shards before had {into.Blocks.Count}");
        MomentAccumulator? carrier = null;
        MomentAccumulator Next(MomentAccumulator? target)
        {
            if (target is null) return ReadAccumulator(r, h.Version, d, backend, path, new MomentAccumulator(d, backend));
            target.Merge(ReadAccumulator(r, h.Version, d, backend, path, carrier ??= new MomentAccumulator(d, backend)));
            return target;
        }
        var main = Next(into?.Main);
        var blocks = new List<MomentAccumulator>();
        for (var k = 0; k < h.Blocks; k++) blocks.Add(Next(into?.Blocks[k]));
        var classes = new SortedDictionary<string, MomentAccumulator>(StringComparer.Ordinal);
        foreach (var label in h.Classes) classes[label] = Next(into?.Classes.GetValueOrDefault(label));
        DuplicateLedger? duplicates = null;
        if (h.Duplicates)
        {
            var distinct = new List<DuplicateLedger.Entry>((int)Math.Min(h.DistinctRows, 1 << 20));
            for (long i = 0; i < h.DistinctRows; i++) distinct.Add(ReadEntry(r, path, length));
            var firsts = new List<DuplicateLedger.Entry>();
            for (var i = 0; i < h.FirstDuplicates; i++) firsts.Add(ReadEntry(r, path, length));
            if (distinct.Select(e => e.Key).Distinct().Count() != distinct.Count || firsts.Any(e => !distinct.Any(x => x.Key == e.Key)))
                throw Corrupt(path, "the duplicate search's entries are inconsistent");
            duplicates = new DuplicateLedger(h.DuplicateRows, h.DuplicateCount, distinct, firsts);
        }
        if (stream.Position != length - 32) throw Corrupt(path, $"{length - 32 - stream.Position} bytes after the last section");
        return new ShardContents(h, main, blocks, classes, min, max, duplicates);
    }

    private static ShardHeader ReadHeader(Stream stream, string path, long length)
    {
        if (length < Prefix + 32) throw Corrupt(path, $"{length} bytes is shorter than an accumulator file's prefix and checksum");
        Span<byte> prefix = stackalloc byte[Prefix];
        stream.ReadExactly(prefix);
        if (!prefix[..8].SequenceEqual(Magic)) throw Corrupt(path, "not a Spectra accumulator file (wrong magic)");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(prefix[8..]);
        if (version is not (ShardHeader.FloatOnlyVersion or ShardHeader.CurrentVersion))
            throw new SpectraException(SpectraErrorKind.Unsupported, $"accumulator format version {version}; this build reads versions {ShardHeader.FloatOnlyVersion} and {ShardHeader.CurrentVersion}", path,
                hint: "accumulate the shards again with this build (`spectra accumulate`)");
        var jsonLength = BinaryPrimitives.ReadUInt32LittleEndian(prefix[12..]);
        if (jsonLength > Math.Min(MaxHeaderBytes, length - Prefix - 32)) throw Corrupt(path, $"the header claims {jsonLength} bytes, more than the file holds");
        var json = new byte[jsonLength];
        stream.ReadExactly(json);
        ShardHeader? h;
        try
        {
            h = JsonSerializer.Deserialize<ShardHeader>(json, Json);
        }
        catch (JsonException e)
        {
            throw Corrupt(path, "the header is not valid: " + e.Message);
        }
        if (h is null) throw Corrupt(path, "the header is empty");
        if (h.Version != version) throw Corrupt(path, $"the prefix says format {version}, the header {h.Version}");
        Validate(h, path);
        return h;
    }

    private static void Validate(ShardHeader h, string path)
    {
        string? problem = null;
        if (h.Features is < 1 or > 1_000_000) problem = $"{h.Features} features";
        else if (h.Of is < 1 or > Data.ShardSelection.MaxCount) problem = $"{h.Of} shards";
        else if (h.Shards.Count == 0 || h.Shards.Any(i => i < 1 || i > h.Of) || h.Shards.Zip(h.Shards.Skip(1)).Any(p => p.First >= p.Second)) problem = "shard indices out of order or range";
        else if (h.Blocks is < 0 or 1 or > RealisationBlocks.MaxBlocks || h.Blocks % 2 != 0) problem = $"{h.Blocks} realisation blocks";
        else if (h.Classes.Zip(h.Classes.Skip(1)).Any(p => string.CompareOrdinal(p.First, p.Second) >= 0)) problem = "class labels out of order";
        else if (h.DistinctRows < 0 || h.DuplicateCount < 0 || h.DuplicateRows < 0 || h.FirstDuplicates is < 0 or > DuplicateDetector.ExampleCount) problem = "duplicate counts";
        else if (h.FeatureNames is { } names && names.Count != h.Features) problem = $"{names.Count} feature names for {h.Features} features";
        else if (h.Input is null || h.Kind is null || h.Options is null) problem = "missing input or options";
        if (problem is not null) throw Corrupt(path, "the header is not valid: " + problem);
    }

    private static void VerifyChecksum(string path, long length)
    {
        if (length < Prefix + 32) throw Corrupt(path, $"{length} bytes is shorter than an accumulator file's prefix and checksum");
        using var stream = File.OpenRead(path);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        long left = length - 32;
        while (left > 0)
        {
            var n = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (n <= 0) throw Corrupt(path, "the file ended early");
            sha.AppendData(buffer, 0, n);
            left -= n;
        }
        Span<byte> stored = stackalloc byte[32];
        stream.ReadExactly(stored);
        if (!sha.GetHashAndReset().AsSpan().SequenceEqual(stored))
            throw Corrupt(path, "checksum mismatch: the file was modified or truncated");
    }

    private static double[] ReadDoubles(BinaryReader r, int n)
    {
        var v = new double[n];
        ReadValues(r, v.AsSpan());
        return v;
    }

    /// <summary>Reads the next accumulator into <paramref name="acc"/> (fresh, or a carrier whose earlier contents are replaced).</summary>
    private static MomentAccumulator ReadAccumulator(BinaryReader r, int version, int d, ILinearAlgebraBackend backend, string path, MomentAccumulator acc)
    {
        var count = r.ReadInt64();
        if (count < 0) throw Corrupt(path, $"an accumulator holds {count} rows");
        var quantum = version >= 4 ? r.ReadDouble() : 0;
        if (quantum != 0)
        {
            if (!ExactByteMoments.IsQuantum(quantum)) throw Corrupt(path, $"an accumulator counts in steps of {quantum}");
            var sums = ReadDoubles(r, d);
            // Each Σ k is an integer from 0 to 255 n, each Σ k_i k_j from 0 to 255² n: anything else is corruption.
            if (sums.Any(v => v < 0 || v > 255.0 * count || v != Math.Floor(v))) throw Corrupt(path, "an exact accumulator's sums are not sums of 8-bit values");
            long top = count <= long.MaxValue / 65025 ? 65025 * count : long.MaxValue;
            var bad = false;
            acc.LoadExact(count, quantum, sums, products =>
            {
                for (var col = 0; col < d; col++)
                {
                    var column = products.Slice(col * d + col, d - col);
                    ReadValues(r, column);
                    foreach (var v in column) bad |= v < 0 || v > top;
                }
            });
            if (bad) throw Corrupt(path, "an exact accumulator's products are not sums of 8-bit products");
            return acc;
        }
        acc.Restore(count, ReadDoubles(r, d));
        var c = acc.CoMoment;
        for (var col = 0; col < d; col++) ReadValues(r, c.AsSpan(col * d + col, d - col));
        return acc;
    }

    private static DuplicateLedger.Entry ReadEntry(BinaryReader r, string path, long length)
    {
        ulong a = r.ReadUInt64(), b = r.ReadUInt64();
        var position = r.ReadInt64();
        var n = r.ReadUInt32();
        if (n > MaxNameBytes || n > length - r.BaseStream.Position) throw Corrupt(path, $"a row name of {n} bytes");
        return new DuplicateLedger.Entry(a, b, position, Encoding.UTF8.GetString(r.ReadBytes((int)n)));
    }

    internal static SpectraException Corrupt(string path, string reason) =>
        new(SpectraErrorKind.InvalidInput, reason, path, hint: "accumulate the shard again (`spectra accumulate`); a file changed after it was written cannot be merged");

    /// <summary>Feeds every byte written to the hash on its way to the file.</summary>
    private sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }
    }
}
