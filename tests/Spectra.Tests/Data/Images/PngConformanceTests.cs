namespace Spectra.Tests.Data.Images;

public class PngConformanceTests
{
    private static readonly PngCodec Png = new();
    private static readonly NetpbmCodec Pam = new();

    [ConformanceFact]
    public void Every_png_libpng_decodes_matches_its_reference_exactly()
    {
        var failures = new List<string>();
        int checkedCount = 0;
        foreach (var e in ConformanceIndex.Png().Where(e => e.Accepted))
        {
            try
            {
                var mine = Png.Decode(File.ReadAllBytes(e.InputPath), ImageDecodeLimits.Default);
                var reference = Pam.Decode(File.ReadAllBytes(e.ReferencePath("jpeg")!), ImageDecodeLimits.Default);
                // pngtopam leaves every pixel opaque for a truecolour tRNS key (it implements only gray and palette
                // transparency there); libpng itself and the PNG spec make the key colour transparent. For those files the
                // colour planes must match exactly and the alpha plane is checked against the key separately.
                bool truecolourKey = IsTruecolourWithTrns(e.InputPath);
                var diff = ReferenceComparison.MaxDifference(mine, reference, out var where, ignoreAlpha: truecolourKey);
                if (truecolourKey) failures.AddRange(CheckKeyTransparency(e.Input, mine, File.ReadAllBytes(e.InputPath)));
                if (diff != 0) failures.Add($"{e.Input}: differs by {diff} at {where}");
                checkedCount++;
            }
            catch (SpectraException ex)
            {
                failures.Add($"{e.Input}: rejected ({ex.Message})");
            }
        }
        Assert.True(checkedCount > 250, $"only {checkedCount} PNG references were compared");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Alpha must be 0 exactly where the pixel equals the tRNS key colour and opaque elsewhere (PNG spec 11.3.2.1).</summary>
    private static IEnumerable<string> CheckKeyTransparency(string name, DecodedImage mine, byte[] png)
    {
        int at = IndexOf(png, "tRNS"u8.ToArray());
        int key(int k) => png[at + 4 + 2 * k] << 8 | png[at + 5 + 2 * k];
        int transparent = 0;
        for (int p = 0; p < mine.Width * mine.Height; p++)
        {
            bool isKey = mine.Samples![4 * p] == key(0) && mine.Samples[4 * p + 1] == key(1) && mine.Samples[4 * p + 2] == key(2);
            int expected = isKey ? 0 : mine.MaxValue;
            if (mine.Samples[4 * p + 3] != expected) { yield return $"{name}: alpha {mine.Samples[4 * p + 3]} at pixel {p}, expected {expected}"; yield break; }
            if (isKey) transparent++;
        }
        if (transparent == 0) yield return $"{name}: no pixel has the key colour";
    }

    private static int IndexOf(byte[] data, byte[] pattern)
    {
        for (int i = 0; i + pattern.Length <= data.Length; i++)
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern)) return i;
        throw new Xunit.Sdk.XunitException("tRNS chunk not found");
    }

    private static bool IsTruecolourWithTrns(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length > 26 && bytes[25] == 2 && System.Text.Encoding.ASCII.GetString(bytes).Contains("tRNS");
    }

    [ConformanceFact]
    public void Every_png_libpng_rejects_is_rejected_with_a_spectra_error()
    {
        var failures = new List<string>();
        var rejected = ConformanceIndex.Png().Where(e => !e.Accepted).ToList();
        foreach (var e in rejected)
        {
            try
            {
                Png.Decode(File.ReadAllBytes(e.InputPath), ImageDecodeLimits.Default);
                failures.Add($"{e.Input}: accepted, but libpng says: {e.Note}");
            }
            catch (SpectraException)
            {
            }
        }
        Assert.True(rejected.Count >= 40, $"only {rejected.Count} rejected PNGs in the index");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
