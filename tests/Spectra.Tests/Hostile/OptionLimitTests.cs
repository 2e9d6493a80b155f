using Spectra.Fluent;

namespace Spectra.Tests.Hostile;

/// <summary>Options that set a run's work have upper bounds (<see cref="OptionLimits"/>), so a typo is an error and not weeks of work.</summary>
public sealed class OptionLimitTests
{
    [Fact]
    public void Analysis_options_above_their_bounds_are_refused_by_name()
    {
        var sff = Assert.Throws<SpectraException>(() => new AnalyzeBuilder().SffRealisations(1_000_000_000));
        Assert.Equal(SpectraErrorKind.InvalidOption, sff.Kind);
        Assert.Contains("sff_realisations", sff.Message);
        Assert.Contains("1000", sff.Message);
        Assert.Throws<SpectraException>(() => new AnalyzeBuilder().ReferenceDraws(OptionLimits.MaxReferenceDraws + 1));
        // The bounds themselves are allowed.
        Assert.Equal(OptionLimits.MaxSffRealisations, new AnalyzeBuilder().SffRealisations(OptionLimits.MaxSffRealisations).Request.SffRealisations);
    }

    [Fact]
    public void Threads_and_pipeline_realisations_are_bounded()
    {
        var threads = Assert.Throws<SpectraException>(() => (Spectra.Jobs.AnalysisRequest.Default with { Threads = 100_000 }).Validate());
        Assert.Contains("--threads", threads.Spelled((key, _) => "--" + key).Message);
        var realisations = Assert.Throws<SpectraException>(() => Spectra.Pipeline.SpectrumPipeline.Run(
            new Spectra.Data.InMemorySource(new double[20], 10, 2), new Spectra.Pipeline.SpectrumOptions { Realisations = 1_000_000_000 }));
        Assert.Equal(SpectraErrorKind.InvalidOption, realisations.Kind);
    }

    [Fact]
    public void A_baseline_of_a_billion_replicates_is_refused_before_any_work()
    {
        int analyses = 0;
        var e = Assert.Throws<SpectraException>(() => BaselineBuilder.Build(new Spectra.Data.InMemorySource(new double[20], 10, 2), 1_000_000_000, 0,
            ResamplingMethod.HalfSample, _ => { analyses++; throw new InvalidOperationException(); }, _ => throw new InvalidOperationException()));
        Assert.Equal(SpectraErrorKind.InvalidOption, e.Kind);
        Assert.Equal(0, analyses);
    }

    [Fact]
    public void A_resize_above_the_pixel_bound_is_refused()
    {
        using var folder = new Spectra.Tests.Data.Images.TestData.TempFolder();
        var e = Assert.Throws<SpectraException>(() => new Spectra.Data.Images.ImageFolderSource(folder.Path,
            new Spectra.Data.Images.ImageSourceOptions { ResizeWidth = 100_000, ResizeHeight = 100_000 }));
        Assert.Equal(SpectraErrorKind.InvalidOption, e.Kind);
    }
}
