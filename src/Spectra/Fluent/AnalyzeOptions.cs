using Spectra.Spectrum.Unfolding;

namespace Spectra.Fluent;

/// <summary>
/// How <see cref="Dataset.Analyze"/> reads the spectrum, by the names of the CLI options
/// (--k-top, --k-bottom, --unfolding, --unfolding-degree, --sff-realisations, --start-rank, --end-rank,
/// --reference-draws, --eta).
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

    /// <summary>Power-law fit range in ranks (1-based, largest first); null: k_top + 1 … n/2.</summary>
    public int? StartRank { get; init; }
    public int? EndRank { get; init; }

    /// <summary>GOE and Poisson draws of the data's size for the finite-size references; 0 uses the asymptotic values.</summary>
    public int ReferenceDraws { get; init; } = 10;

    /// <summary>Width of the form factor's Gaussian filter, in units of the levels' spread.</summary>
    public double Eta { get; init; } = 0.5;

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
    public AnalyzeOptions KTop(int k) => With(Settings with { KTop = k });

    /// <summary>The smallest non-zero eigenvalues left out of the bulk.</summary>
    public AnalyzeOptions KBottom(int k) => With(Settings with { KBottom = k });

    /// <summary>"log-polynomial" (a polynomial in ln λ, the default), "polynomial" (in λ) or "kernel" (Gaussian kernel).</summary>
    public AnalyzeOptions Unfolding(string method, int? degree = null) =>
        With(Settings with { Unfolding = method, UnfoldingDegree = degree ?? Settings.UnfoldingDegree });

    /// <summary>Random half-subsamples of the rows the spectral form factor averages over (0: the full spectrum alone).</summary>
    public AnalyzeOptions SffRealisations(int n) => With(Settings with { SffRealisations = n });

    /// <summary>The power-law fit range in ranks (1-based, largest first).</summary>
    public AnalyzeOptions FitRanks(int? startRank, int? endRank)
    {
        if (startRank is < 1 || endRank is < 1 || (startRank is { } a && endRank is { } b && b <= a))
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"the fit ranks must be ≥ 1 with end > start (got {startRank}, {endRank})");
        return With(Settings with { StartRank = startRank, EndRank = endRank });
    }

    /// <summary>GOE and Poisson draws of the data's size for the finite-size references (0…1000; 0: asymptotic values).</summary>
    public AnalyzeOptions ReferenceDraws(int draws) => With(Settings with { ReferenceDraws = draws });

    /// <summary>Width of the form factor's Gaussian filter, in units of the levels' spread.</summary>
    public AnalyzeOptions Eta(double eta) => double.IsFinite(eta) && eta > 0
        ? With(Settings with { Eta = eta })
        : throw new SpectraException(SpectraErrorKind.InvalidOption, $"eta must be a positive number, got {eta}");

    // Validated at each step so that a bad value fails in the cell that gave it, not at the run.
    private static AnalyzeOptions With(AnalyzeSettings s) => new(s.Validate());
}
