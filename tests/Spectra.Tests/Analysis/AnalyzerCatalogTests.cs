using System.Reflection;

namespace Spectra.Tests.Analysis;

/// <summary>The catalog lists every analyzer once, and every analyzer gets the base's argument checks.</summary>
public class AnalyzerCatalogTests
{
    private static readonly PropertyInfo[] Entries = typeof(Analyzers).GetProperties(BindingFlags.Public | BindingFlags.Static);

    [Fact]
    public void Every_analyzer_type_is_in_the_catalog_once_with_its_own_report_key()
    {
        var analyzerTypes = typeof(Analyzers).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(SpectrumAnalyzer<,>))
            .ToHashSet();
        Assert.Equal(analyzerTypes.Count, Entries.Length);
        Assert.Equal(analyzerTypes, Entries.Select(p => p.PropertyType).ToHashSet());
        var names = Entries.Select(p => (string)p.PropertyType.GetProperty("Name")!.GetValue(p.GetValue(null))!).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.Matches("^[a-z_]+$", n));
    }

    [Fact]
    public void A_null_input_or_null_options_is_refused_before_the_analyzer_runs()
    {
        var input = AnalysisInput.Of(TestSpectra.ShiftedGoe(200, 1));
        Assert.Throws<ArgumentNullException>(() => Analyzers.SpacingRatio.Analyze(null!, SpacingRatioOptions.Default));
        Assert.Throws<ArgumentNullException>(() => Analyzers.PowerLaw.Analyze(input, null!));
        Assert.Throws<ArgumentNullException>(() => Analyzers.Entropy.Analyze(input, null!));
    }

    [Fact]
    public void Options_out_of_range_are_refused_as_invalid_options()
    {
        var input = AnalysisInput.Of(TestSpectra.ShiftedGoe(200, 1));
        var ratio = Assert.Throws<SpectraException>(() => Analyzers.SpacingRatio.Analyze(input, SpacingRatioOptions.Default with { Bins = 0 }));
        Assert.Equal(SpectraErrorKind.InvalidOption, ratio.Kind);
        var spacing = Assert.Throws<SpectraException>(() => Analyzers.SpacingDistribution.Analyze(input, SpacingDistributionOptions.Default with { Bins = 1 }));
        Assert.Equal(SpectraErrorKind.InvalidOption, spacing.Kind);
    }
}
