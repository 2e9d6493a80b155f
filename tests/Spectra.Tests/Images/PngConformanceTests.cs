using Spectra.Data.Images;
using Spectra.Data.Images.Codecs;
using Spectra.Tests.TestSupport;

namespace Spectra.Tests.Images;

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
                if (truecolourKey) Assert.Contains(mine.Samples!.Where((_, i) => i % 4 == 3), a => a == 0);
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
