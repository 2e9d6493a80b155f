namespace Spectra.Data.Images.Codecs;

/// <summary>
/// NumPy .npz archives: a zip of .npy arrays. Every array is an image or a stack; the archive is
/// their concatenation in entry-name order, and rows are named "entry#index".
/// </summary>
internal sealed class NpzCodec : IImageCodec
{
    private const string Codec = "NPZ";

    public string Name => Codec;

    public bool Matches(ReadOnlySpan<byte> head) => head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;

    // The directory sits at the end of the file, so the header needs the whole file.
    public ImageHeader? TryReadHeader(ReadOnlySpan<byte> head, ImageDecodeLimits limits) => null;

    public IImageStack Open(ReadOnlyMemory<byte> data, ImageDecodeLimits limits)
    {
        var stacks = new List<IImageStack>();
        try
        {
            var archive = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment)
                ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, false)
                : new MemoryStream(data.ToArray(), false);
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".npy", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                if (entry.Length > Array.MaxLength) throw new SpectraException(SpectraErrorKind.LimitExceeded, $"NPZ entry {entry.FullName} is larger than 2 GB");
                total += entry.Length;
                if (total > limits.MaxContainerSamples * 8)
                    throw new SpectraException(SpectraErrorKind.LimitExceeded, $"NPZ archive expands to more than {limits.MaxContainerSamples * 8} bytes");
                stacks.Add(NpyCodec.Open(ReadEntry(entry, limits), limits, entry.FullName[..^4]));
            }
        }
        catch (InvalidDataException e)
        {
            throw SpectraException.Invalid("NPZ archive is corrupt (" + e.Message.TrimEnd('.') + ")");
        }
        catch (EndOfStreamException)
        {
            throw SpectraException.Invalid("NPZ archive entry is shorter than its directory says");
        }
        catch (IOException e)
        {
            throw SpectraException.Invalid("NPZ archive is corrupt (" + e.Message.TrimEnd('.') + ")");
        }
        if (stacks.Count == 0) throw SpectraException.Invalid("NPZ archive holds no .npy array");
        var first = stacks[0].Header;
        foreach (var s in stacks)
            if (s.Header.Width != first.Width || s.Header.Height != first.Height || s.Header.Channels != first.Channels)
                throw SpectraException.Invalid($"NPZ arrays have different image sizes ({first.Height}×{first.Width}×{first.Channels} and {s.Header.Height}×{s.Header.Width}×{s.Header.Channels})");
        return new Concatenation(stacks);
    }

    /// <summary>
    /// An entry's bytes, inflated only as far as its NPY header declares (never the directory's size
    /// alone, which a hostile archive sets at will), after that size is checked against the compressed
    /// bytes present and the run's memory budget.
    /// </summary>
    private static byte[] ReadEntry(ZipArchiveEntry entry, ImageDecodeLimits limits)
    {
        using var s = entry.Open();
        var head = new byte[(int)Math.Min(entry.Length, ImageFormats.ProbeBytes)];
        int got = 0, n;
        while (got < head.Length && (n = s.Read(head, got, head.Length - got)) > 0) got += n;
        var l = NpyCodec.ReadLayout(head.AsSpan(0, got), limits, needComplete: true)!;
        long declared = l.DataStart + (long)l.Count * l.Height * l.Width * l.Channels * l.Size;
        if (declared > entry.Length) throw Bytes.UnexpectedEnd($"{Codec} entry {entry.FullName}", declared, entry.Length);
        if (declared > Array.MaxLength) throw new SpectraException(SpectraErrorKind.LimitExceeded, $"NPZ entry {entry.FullName} is larger than 2 GB");
        // A stored entry's compressed length is its length, so the bound holds for it too.
        DeflateBound.Check(declared, entry.CompressedLength, $"NPZ entry {entry.FullName}");
        MemoryBudget.Current.Check(declared, $"NPZ entry {entry.FullName} ({l.Count} images of {l.Width}×{l.Height})");
        var bytes = new byte[declared];
        int have = Math.Min(got, (int)declared);
        head.AsSpan(0, have).CopyTo(bytes);
        s.ReadExactly(bytes, have, (int)declared - have);
        return bytes;
    }

    private sealed class Concatenation : IImageStack
    {
        private readonly List<IImageStack> _stacks;
        private readonly int[] _starts;

        public Concatenation(List<IImageStack> stacks)
        {
            _stacks = stacks;
            _starts = new int[stacks.Count + 1];
            for (int i = 0; i < stacks.Count; i++) _starts[i + 1] = checked(_starts[i] + stacks[i].Header.Count);
            Header = stacks[0].Header with { Count = _starts[^1] };
        }

        public ImageHeader Header { get; }

        private (IImageStack Stack, int Index) Locate(int index)
        {
            int k = Array.BinarySearch(_starts, index);
            if (k < 0) k = ~k - 1;
            while (k < _stacks.Count - 1 && _starts[k + 1] <= index) k++;
            return (_stacks[k], index - _starts[k]);
        }

        public string? NameOf(int index)
        {
            var (s, i) = Locate(index);
            return s.NameOf(i);
        }

        public DecodedImage Decode(int index)
        {
            var (s, i) = Locate(index);
            return s.Decode(i);
        }
    }
}
