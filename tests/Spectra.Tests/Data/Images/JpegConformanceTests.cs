namespace Spectra.Tests.Data.Images;

/// <summary>
/// JPEG against libjpeg-turbo's own decodes. The decoder implements libjpeg's default "fancy" chroma
/// upsampling, so it is held to images/reference/jpeg/ (djpeg's default output). The issue allows 2 levels;
/// the decoder uses libjpeg's integer IDCT and colour tables and in fact matches every reference exactly,
/// so the test asserts exactness to catch any drift.
/// </summary>
public class JpegConformanceTests
{
    private static readonly JpegCodec Jpeg = new();
    private static readonly NetpbmCodec Pnm = new();

    [ConformanceFact]
    public void Every_jpeg_libjpeg_decodes_matches_its_fancy_upsampling_reference_exactly()
    {
        var failures = new List<string>();
        var report = new List<string>();
        int compared = 0;
        foreach (var e in ConformanceIndex.Jpeg().Where(e => e.Accepted))
        {
            var bytes = File.ReadAllBytes(e.InputPath);
            DecodedImage mine;
            try
            {
                mine = Jpeg.Decode(bytes, ImageDecodeLimits.Default);
            }
            catch (SpectraException ex) when (ex.Kind == SpectraErrorKind.Unsupported && ex.Message.Contains("arithmetic"))
            {
                report.Add($"{e.Input}: refused as unsupported ({ex.Reason})");
                continue;
            }
            var reference = Pnm.Decode(File.ReadAllBytes(e.ReferencePath("jpeg")!), ImageDecodeLimits.Default);
            var diff = ReferenceComparison.MaxDifference(mine, reference, out var where);
            if (diff is null || diff > 0) failures.Add($"{e.Input}: max difference {diff?.ToString() ?? "n/a"} at {where}");
            compared++;
        }
        Assert.True(compared >= 9, $"only {compared} JPEG references compared");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // Only the arithmetic-coded file may be refused.
        Assert.True(report.Count <= 1, string.Join("\n", report));
    }

    [ConformanceFact]
    public void Jpegs_libjpeg_rejects_are_rejected_as_unsupported()
    {
        foreach (var e in ConformanceIndex.Jpeg().Where(e => !e.Accepted))
        {
            var ex = Assert.Throws<SpectraException>(() => Jpeg.Decode(File.ReadAllBytes(e.InputPath), ImageDecodeLimits.Default));
            Assert.Equal(SpectraErrorKind.Unsupported, ex.Kind);
            Assert.Contains("12-bit", ex.Message);
        }
    }

    [ConformanceFact]
    public void Arithmetic_coded_jpeg_is_refused_with_a_clear_unsupported_error()
    {
        var ex = Assert.Throws<SpectraException>(() =>
            Jpeg.Decode(File.ReadAllBytes(Conformance.PathOf("images", "libjpeg-turbo", "testimgari.jpg")), ImageDecodeLimits.Default));
        Assert.Equal(SpectraErrorKind.Unsupported, ex.Kind);
        Assert.Contains("arithmetic", ex.Message);
    }

    [ConformanceFact]
    public void Truncated_jpeg_is_an_unexpected_end_error()
    {
        var ex = Assert.Throws<SpectraException>(() =>
            Jpeg.Decode(File.ReadAllBytes(Conformance.PathOf("datasets", "skimage-data", "truncated.jpg")), ImageDecodeLimits.Default));
        Assert.Equal(SpectraErrorKind.InvalidInput, ex.Kind);
    }
}
