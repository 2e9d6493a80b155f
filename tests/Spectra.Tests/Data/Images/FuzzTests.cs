namespace Spectra.Tests.Data.Images;

/// <summary>
/// Seeded mutation fuzzing of every codec: bit flips, truncations, and edits of length fields (PNG chunk
/// lengths with their CRC recomputed so the damage reaches the decoder, JPEG segment lengths, header
/// sizes). Each case must decode or raise SpectraException — nothing else — within the time budget,
/// and allocate no more than the small pixel limit allows. Count and seed: <see cref="FuzzSettings"/>.
/// </summary>
public class FuzzTests
{
    private const long MaxAllocatedPerCase = 48L << 20;
    private static readonly ImageDecodeLimits Limits = new() { MaxPixels = 1 << 20, MaxContainerSamples = 1 << 22 };

    private static List<(string Name, byte[] Bytes)> Corpus()
    {
        var files = new List<(string, byte[])>();
        foreach (var name in new[]
                 {
                     "small_gray.jpg", "small_420.jpg", "small_422_progressive.jpg", "small_444_restart.jpg",
                     "small_420_progressive_restart.jpg", "rgb24.bmp", "pal8.bmp", "mono1.bmp", "stack_u8.npy",
                     "stack_f64_fortran.npy", "pair.npz", "small_lossless.webp", "small_lossy.webp", "small_alpha.webp",
                     "small_palette.gif", "small_animated.gif", "small_icon.ico",
                 })
            files.Add((name, File.ReadAllBytes(TestData.PathOf(name))));
        files.Add(("p2.pgm", "P2\n3 2\n65535\n0 1 65535\n300 2 7\n"u8.ToArray()));
        files.Add(("p7.pam", "P7\nWIDTH 2\nHEIGHT 1\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008"u8.ToArray()));
        var idx = new byte[] { 0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
        files.Add(("idx", idx));
        using (var gz = new MemoryStream())
        {
            using (var z = new System.IO.Compression.GZipStream(gz, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) z.Write(idx);
            files.Add(("idx.gz", gz.ToArray()));
        }
        if (Conformance.Root is not null)
            foreach (var name in new[] { "basn0g01", "basn0g16", "basn2c08", "basn3p04", "basn6a16", "basi0g04", "basi3p08", "basi6a08", "tbrn2c08", "f04n2c08" })
                files.Add((name + ".png", File.ReadAllBytes(Conformance.PathOf("images", "pngsuite", "pngsuite", name + ".png"))));
        return files;
    }

    [Fact]
    public async Task Mutated_files_decode_or_fail_with_a_spectra_exception_within_limits()
    {
        int cases = FuzzSettings.Cases, seed = FuzzSettings.Seed;
        var corpus = Corpus();
        var failures = new List<string>();
        int rejected = 0, decoded = 0;
        var run = Task.Run(() =>
        {
            for (int i = 0; i < cases; i++)
            {
                var (name, original) = corpus[i % corpus.Count];
                var rng = new Random(unchecked(seed * 1_000_003 + i));
                var (mutated, how) = Mutate(original, name, rng);
                long before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    DecodeAll(mutated);
                    decoded++;
                }
                catch (SpectraException)
                {
                    rejected++;
                }
                catch (Exception e)
                {
                    failures.Add($"seed {seed} case {i} ({name}, {how}): {e.GetType().Name}: {e.Message}");
                }
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated > MaxAllocatedPerCase) failures.Add($"seed {seed} case {i} ({name}, {how}): allocated {allocated} bytes");
                if (failures.Count > 20) break;
            }
        });
        // 5 ms a case is over ten times the measured mean on a loaded two-core machine.
        var limit = FuzzSettings.TimeLimit(cases, TimeSpan.FromMilliseconds(5));
        var finished = await Task.WhenAny(run, Task.Delay(limit));
        Assert.True(finished == run, $"fuzzing did not finish within {limit.TotalSeconds:0} s: a case hangs (seed {seed})");
        await run;
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(cases, decoded + rejected);
        // The mutations must reach both outcomes, or they test nothing (checked once there are enough cases to say).
        if (cases >= 1000) Assert.True(rejected > cases / 10 && decoded > cases / 20, $"decoded {decoded}, rejected {rejected}");
    }

    private static void DecodeAll(byte[] data)
    {
        if (ImageFormats.IsGzip(data)) data = ImageFormats.Gunzip(data, 1 << 24);
        var codec = ImageFormats.Detect(data) ?? throw SpectraException.Invalid("unknown format");
        // The reduced-scale decode (--jpeg-draft) meets the same mutated bytes, at 1/2, 1/4 or 1/8.
        if (codec is Spectra.Data.Images.Codecs.JpegCodec jpeg)
            try { jpeg.DecodeScaled(data, Limits, 2 << (data.Length % 3)); }
            catch (SpectraException) { }
        codec.TryReadHeader(data, Limits);
        var stack = codec.Open(data, Limits);
        for (int k = 0; k < Math.Min(stack.Header.Count, 3); k++) stack.Decode(k);
    }

    private static (byte[], string) Mutate(byte[] original, string name, Random rng)
    {
        var b = (byte[])original.Clone();
        switch (rng.Next(4))
        {
            case 0:
            {
                int flips = 1 + rng.Next(4);
                for (int k = 0; k < flips; k++) b[rng.Next(b.Length)] ^= (byte)(1 << rng.Next(8));
                if (name.EndsWith(".png") && rng.Next(2) == 0) FixPngCrcs(b);
                return (b, $"{flips} bit flips");
            }
            case 1:
            {
                int length = rng.Next(b.Length);
                return (b[..length], $"truncated to {length}");
            }
            case 2:
                return EditLength(b, name, rng);
            default:
            {
                // Overwrite a header-area word with an extreme value.
                int at = rng.Next(Math.Min(b.Length - 1, 64));
                byte v = rng.Next(3) switch { 0 => 0, 1 => 0xFF, _ => (byte)rng.Next(256) };
                for (int k = at; k < Math.Min(b.Length, at + 1 + rng.Next(4)); k++) b[k] = v;
                if (name.EndsWith(".png")) FixPngCrcs(b);
                return (b, $"header bytes at {at} set to {v}");
            }
        }
    }

    private static (byte[], string) EditLength(byte[] b, string name, Random rng)
    {
        var positions = new List<int>();
        if (name.EndsWith(".png"))
            for (int p = 8; p + 8 <= b.Length;)
            {
                positions.Add(p);
                long len = (long)b[p] << 24 | (long)b[p + 1] << 16 | (long)b[p + 2] << 8 | b[p + 3];
                p += (int)Math.Min(len + 12, int.MaxValue - p);
            }
        else if (name.EndsWith(".jpg"))
            for (int p = 2; p + 4 <= b.Length && b[p] == 0xFF && b[p + 1] != 0xDA;)
            {
                positions.Add(p + 2);
                p += 2 + (b[p + 2] << 8 | b[p + 3]);
            }
        if (positions.Count == 0) positions.Add(rng.Next(Math.Max(1, b.Length - 4)));
        int at = positions[rng.Next(positions.Count)];
        int width = name.EndsWith(".jpg") ? 2 : 4;
        uint value = rng.Next(4) switch
        {
            0 => 0,
            1 => 0xFFFFFFFF,
            2 => (uint)rng.Next(1 << 16),
            _ => ReadBE(b, at, width) + (uint)rng.Next(-8, 9),
        };
        for (int k = 0; k < width && at + k < b.Length; k++) b[at + k] = (byte)(value >> (8 * (width - 1 - k)));
        if (name.EndsWith(".png")) FixPngCrcs(b);
        return (b, $"length field at {at} set to {value}");
    }

    private static uint ReadBE(byte[] b, int at, int width)
    {
        uint v = 0;
        for (int k = 0; k < width && at + k < b.Length; k++) v = v << 8 | b[at + k];
        return v;
    }

    /// <summary>Recomputes every complete chunk's CRC so that damage inside a chunk reaches the decoder.</summary>
    private static void FixPngCrcs(byte[] b)
    {
        for (int p = 8; p + 12 <= b.Length;)
        {
            long len = (long)b[p] << 24 | (long)b[p + 1] << 16 | (long)b[p + 2] << 8 | b[p + 3];
            if (p + 12 + len > b.Length) return;
            uint crc = BitwiseCrc32.Of(b.AsSpan(p + 4, 4 + (int)len));
            int c = p + 8 + (int)len;
            b[c] = (byte)(crc >> 24); b[c + 1] = (byte)(crc >> 16); b[c + 2] = (byte)(crc >> 8); b[c + 3] = (byte)crc;
            p = c + 4;
        }
    }
}
