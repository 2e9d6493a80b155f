using Spectra.Spectrum.Unfolding;

namespace Spectra.Fluent;

/// <summary>
/// How <see cref="Dataset.Analyze"/> reads the spectrum, by the names of the CLI options
/// (--k-top, --k-bottom, --unfolding, --unfolding-degree, --sff-realisations).
/// </summary>
public sealed record AnalyzeSettings
{
    public int KTop { get; init; } = 10;
    public int KBottom { get; init; } = 10;

    /// <summary>"log-polynomial", "polynomial" or "kernel".</summary>
    public string Unfolding { get; init; } = "log-polynomial";
    public int UnfoldingDegree { get; init; } = 9;

    /// <summary>Random half-subsamples of the rows the spectral form factor averages over.</summary>
    public int SffRealisations { get; init; } = 8;

    public static AnalyzeSettings Default { get; } = new();

    public UnfoldingOptions UnfoldingOptions() => new()
    {
        Method = Unfolding switch
        {
            "log-polynomial" => UnfoldingMethod.PolynomialLogLambda,
            "polynomial" => UnfoldingMethod.PolynomialLambda,
            "kernel" => UnfoldingMethod.GaussianKernel,
            _ => throw new SpectraException(SpectraErrorKind.InvalidOption, $"unfolding '{Unfolding}' is not log-polynomial, polynomial or kernel"),
        },
        Degree = UnfoldingDegree,
    };
}

/// <summary>The builder an <see cref="Dataset.Analyze"/> lambda receives: <c>a => a.KTop(10).SffRealisations(8)</c>.</summary>
public sealed class AnalyzeOptions
{
    /// <summary>The defaults, to build settings outside a lambda.</summary>
    public AnalyzeOptions() : this(AnalyzeSettings.Default) { }

    internal AnalyzeOptions(AnalyzeSettings settings) => Settings = settings;

    public AnalyzeSettings Settings { get; }

    /// <summary>The largest eigenvalues left out of the bulk.</summary>
    public AnalyzeOptions KTop(int k) => With(Settings with { KTop = NonNegative(k, "k-top") });

    /// <summary>The smallest non-zero eigenvalues left out of the bulk.</summary>
    public AnalyzeOptions KBottom(int k) => With(Settings with { KBottom = NonNegative(k, "k-bottom") });

    /// <summary>"log-polynomial" (a polynomial in ln λ, the default), "polynomial" (in λ) or "kernel" (Gaussian kernel).</summary>
    public AnalyzeOptions Unfolding(string method, int? degree = null)
    {
        var s = Settings with { Unfolding = method, UnfoldingDegree = degree ?? Settings.UnfoldingDegree };
        s.UnfoldingOptions(); // validates the name now, where the cell that gave it is
        return With(s);
    }

    /// <summary>Random half-subsamples of the rows the spectral form factor averages over (0: the full spectrum alone).</summary>
    public AnalyzeOptions SffRealisations(int n) => With(Settings with { SffRealisations = NonNegative(n, "sff-realisations") });

    private static int NonNegative(int v, string name) => v >= 0 ? v
        : throw new SpectraException(SpectraErrorKind.InvalidOption, $"{name} must be ≥ 0, got {v}");

    private static AnalyzeOptions With(AnalyzeSettings s) => new(s);
}
