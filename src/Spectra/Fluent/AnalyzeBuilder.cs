using P = Spectra.Jobs.Parameters;

namespace Spectra.Fluent;

/// <summary>The builder an <see cref="Dataset.Analyze"/> lambda receives: <c>a => a.KTop(10).SffRealisations(8)</c>.</summary>
public sealed class AnalyzeBuilder
{
    /// <summary>The defaults, to build a request outside a lambda.</summary>
    public AnalyzeBuilder() : this(AnalysisRequest.Default) { }

    internal AnalyzeBuilder(AnalysisRequest request) => Request = request;

    public AnalysisRequest Request { get; }

    /// <summary>The largest eigenvalues left out of the bulk.</summary>
    public AnalyzeBuilder KTop(int k) => With(P.KTop, k);

    /// <summary>The smallest non-zero eigenvalues left out of the bulk.</summary>
    public AnalyzeBuilder KBottom(int k) => With(P.KBottom, k);

    /// <summary>A polynomial in ln λ (the default), a polynomial in λ or a Gaussian kernel, with the polynomial's degree.</summary>
    public AnalyzeBuilder Unfolding(UnfoldingMethod method, int? degree = null)
    {
        var a = With(P.Unfolding, method);
        return degree is { } d ? a.With(P.UnfoldingDegree, d) : a;
    }

    /// <summary>The unfolding by its command-line name: "log-polynomial", "polynomial" or "kernel".</summary>
    public AnalyzeBuilder Unfolding(string method, int? degree = null) => Unfolding(P.Unfolding.Parse(method), degree);

    /// <summary>Random half-subsamples of the rows the spectral form factor averages over (0: the full spectrum alone).</summary>
    public AnalyzeBuilder SffRealisations(int n) => With(P.SffRealisations, n);

    /// <summary>The power-law fit range in ranks (1-based, largest first).</summary>
    public AnalyzeBuilder FitRanks(int? startRank, int? endRank)
    {
        var a = With(P.StartRank, startRank).With(P.EndRank, endRank);
        a.Request.Validate();
        return a;
    }

    /// <summary>GOE and Poisson draws of the data's size for the finite-size references (0…1000; 0: asymptotic values).</summary>
    public AnalyzeBuilder ReferenceDraws(int draws) => With(P.ReferenceDraws, draws);

    /// <summary>Width of the form factor's Gaussian filter, in units of the levels' spread.</summary>
    public AnalyzeBuilder Eta(double eta) => With(P.Eta, eta);

    // Checked at each step so that a bad value fails in the cell that gave it, not at the run.
    private AnalyzeBuilder With<T>(Parameter<T> p, T value) => new(p.With(Request, p.Checked(value)));
}
