using static Spectra.Tests.Hostile.HostileFiles;

namespace Spectra.Tests.Hostile;

/// <summary>
/// Two valid 10⁸-pixel gray PNGs (10 000 × 10 000, a few hundred KB each): a run that cannot hold them
/// is refused with the budget's error before anything is decoded, naming the ways out; the way out it
/// names (--resize) then reads them within the default budget.
/// </summary>
[Collection(AllocationCollection.Name)]
public sealed class LargePngBudgetTests
{
    private const int Side = 10_000;

    // A pattern that differs between the two images and still compresses (about 0.4 MB each).
    private static byte[] Image(int k)
    {
        var raw = new byte[(long)Side * (Side + 1)];
        for (int y = 0; y < Side; y++)
        {
            long at = (long)y * (Side + 1);
            for (int x = 0; x < Side; x++) raw[at + 1 + x] = (byte)((y % 50 == 0 ? x * (k + 1) + y : y * (k + 3)) / 7);
        }
        return Png(Side, Side, Zlib(raw));
    }

    private static TestData.TempFolder TwoLargeImages()
    {
        var folder = new TestData.TempFolder();
        for (int k = 0; k < 2; k++) folder.Write($"large{k}.png", Image(k));
        return folder;
    }

    [Fact]
    public void A_run_that_cannot_hold_them_is_refused_before_decoding_naming_the_ways_out()
    {
        using var folder = TwoLargeImages();
        Assert.All(Directory.GetFiles(folder.Path), f => Assert.InRange(new FileInfo(f).Length, 1, 2 << 20));
        SpectraException? e = null;
        // 2.7 GB cannot hold two rows of 10⁸ doubles (1.6 GB) as read and joined in one block (3.2 GB).
        using var budget = MemoryBudget.Use(5L << 29);
        long allocated = AllocationCollection.Allocated(() => e = Assert.Throws<SpectraException>(() =>
            SpectrumPipeline.Run(new ImageFolderSource(folder.Path), new SpectrumOptions { Realisations = 0 })));
        Assert.Equal(SpectraErrorKind.LimitExceeded, e!.Kind);
        Assert.Contains("--resize", e.Hint);
        Assert.Contains("--memory-limit", e.Hint);
        Assert.Contains("100000000 features", e.Message);
        Assert.True(allocated < AllocationCollection.Bound, $"{allocated} bytes allocated before the refusal");
    }

    [Fact]
    public void Resized_they_are_read_within_the_default_budget()
    {
        using var folder = TwoLargeImages();
        var source = new ImageFolderSource(folder.Path, new ImageSourceOptions { ResizeWidth = 100, ResizeHeight = 100 });
        SpectrumComputation? result = null;
        long allocated = AllocationCollection.Allocated(() => result = SpectrumPipeline.Run(source, new SpectrumOptions { Realisations = 0 }));
        Assert.Equal(2, result!.Spectrum.Provenance.Samples);
        Assert.Empty(result.Source.Skipped);
        // Per image: the inflated rows (0.1 GB), the 16-bit samples (0.2 GB) and one plane of doubles
        // (0.8 GB) for the resampler; without the gray plane's interleaved copy it would be 1.9 GB each.
        Assert.True(allocated < 2.5e9, $"{allocated / 1e9:0.00} GB allocated");
        Assert.True(allocated < MemoryBudget.DefaultLimit, $"{allocated / 1e9:0.00} GB allocated, the default budget is {MemoryBudget.DefaultLimit / 1e9:0.00} GB");
    }
}
