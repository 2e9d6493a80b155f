using static System.FormattableString;

namespace Spectra.Reports;

/// <summary>The four charts of a report: rank–eigenvalue, P(s), P(r̃) and K(τ), each with its references.</summary>
internal static class ReportCharts
{
    private const string Data = "#1f4e79", Goe = "#d62728", Poisson = "#2ca02c", Fit = "#ff7f0e", Edge = "#7f7f7f";

    public static IReadOnlyList<Chart> All(ReportDocument r)
    {
        var list = new List<Chart> { Rank(r) };
        if (r.SpacingDistribution?.Histogram is not null) list.Add(Spacing(r.SpacingDistribution));
        if (r.SpacingRatio?.Histogram is not null) list.Add(Ratio(r.SpacingRatio));
        if (r.FormFactor is not null) list.Add(FormFactor(r.FormFactor));
        return list;
    }

    public static Chart Rank(ReportDocument r)
    {
        var descending = r.Spectrum.Eigenvalues.Where(v => v > r.Spectrum.ZeroThreshold).OrderByDescending(v => v).ToArray();
        var points = descending.Select((v, i) => new ChartPoint(i + 1, v)).ToList();
        var series = new List<ChartSeries> { new PointSeries("eigenvalues λ_i", Data, points, Radius: 1.6) };
        if (r.PowerLaw is { } p)
        {
            var slope = -(1 + p.Alpha);
            var fit = new List<ChartPoint>();
            for (var k = 0; k <= 60; k++)
            {
                var i = p.FitFirst * Math.Pow((double)p.FitLast / p.FitFirst, k / 60.0);
                fit.Add(new ChartPoint(i, Math.Exp(p.Intercept + slope * Math.Log(i))));
            }
            series.Add(new LineSeries(Invariant($"power law α = {p.Alpha:F3} (ranks {p.FitFirst}–{p.FitLast})"), Fit, fit, Width: 2.5));
        }
        if (r.MarchenkoPastur is { } mp)
            series.Add(new HorizontalMarker(Invariant($"Marchenko–Pastur edge λ₊ = {mp.LambdaPlus:G3}"), Edge, mp.LambdaPlus));
        return new Chart("chart-rank", "Rank–eigenvalue (log–log)",
            new ChartAxis("rank i (largest first)", AxisScale.Log),
            new ChartAxis($"eigenvalue λ_i ({r.Matrix.Requested}, data units²)", AxisScale.Log), series, Legend: LegendPosition.BottomLeft);
    }

    public static Chart Spacing(SpacingDistributionSection s)
    {
        var grid = Grid(0, 4, 200);
        return new Chart("chart-spacing", "Nearest-neighbour spacings P(s)",
            new ChartAxis("unfolded spacing s (mean 1)", AxisScale.Linear, 0, 4), new ChartAxis("density P(s)", AxisScale.Linear, 0),
            new ChartSeries[]
            {
                new BarSeries("data", Data, s.Histogram!.Edges, s.Histogram.Density),
                new LineSeries("Poisson e^-s", Poisson, grid.Select(x => new ChartPoint(x, SpacingReferences.PoissonDensity(x))).ToList(), Dashed: true),
                new LineSeries("GOE (Wigner surmise)", Goe, grid.Select(x => new ChartPoint(x, SpacingReferences.WignerDensity(x))).ToList()),
            });
    }

    public static Chart Ratio(SpacingRatioSection s)
    {
        var grid = Grid(0, 1, 200);
        return new Chart("chart-ratio", "Spacing ratios P(r̃)",
            new ChartAxis("r̃ = min(s_i, s_i+1) / max(s_i, s_i+1)", AxisScale.Linear, 0, 1), new ChartAxis("density P(r̃)", AxisScale.Linear, 0),
            new ChartSeries[]
            {
                new BarSeries(Invariant($"data ⟨r̃⟩ = {s.Mean:F4}"), Data, s.Histogram!.Edges, s.Histogram.Density),
                new LineSeries("Poisson 2/(1+r̃)²", Poisson, grid.Select(x => new ChartPoint(x, SpacingRatioReferences.FoldedDensity(LevelStatistics.Poisson, x))).ToList(), Dashed: true),
                new LineSeries("GOE (Atas surmise)", Goe, grid.Select(x => new ChartPoint(x, SpacingRatioReferences.FoldedDensity(LevelStatistics.Goe, x))).ToList()),
            });
    }

    /// <summary>
    /// The connected K_c (running mean), the statistic the Thouless time is read from. The full K is not
    /// drawn: below τ ≈ 1/(2πηΓ) its disconnected part, the filter's own transform, rises to ~10² and
    /// says nothing about the levels. A report without the connected curve falls back to the full K.
    /// </summary>
    public static Chart FormFactor(FormFactorSection f)
    {
        var from = f.Connected is null ? 0 : f.ConnectedDefinedFrom ?? double.PositiveInfinity;
        var data = f.Tau.Zip(f.Connected ?? f.K, (t, k) => new ChartPoint(t, k)).Where(p => p.X >= from).ToList();
        var goe = f.Tau.Select(t => new ChartPoint(t, FormFactorReferences.Goe(t))).ToList();
        var realisations = Invariant($"{f.Realisations} realisation{(f.Realisations == 1 ? "" : "s")}");
        var name = f.Connected is null ? $"data, full K ({realisations})"
            : Invariant($"data, connected K_c, running mean, where defined (τ ≥ {from:G2}; {realisations})");
        var series = new List<ChartSeries>
        {
            new LineSeries(name, Data, data, Width: 1.5),
            new LineSeries("GOE", Goe, goe),
            new HorizontalMarker("Poisson K = 1", Poisson, 1),
        };
        if (f.ThoulessTime is { } th)
            series.Add(new VerticalMarker(Invariant($"Thouless time τ = {th:G3}") + (f.ThoulessTimeSpread is { } sp ? Invariant($" ± {sp:G2}") : ""), Edge, th));
        else
            series.Add(new VerticalMarker("Heisenberg time τ = 1: no Thouless time", Edge, 1));
        return new Chart("chart-form-factor", f.Connected is null ? "Spectral form factor K(τ)" : "Connected spectral form factor K_c(τ)",
            new ChartAxis("τ (Heisenberg times)", AxisScale.Log), new ChartAxis(f.Connected is null ? "K(τ)" : "K_c(τ)", AxisScale.Log), series, Legend: LegendPosition.BottomRight);
    }

    private static double[] Grid(double lo, double hi, int n) => Enumerable.Range(0, n + 1).Select(i => lo + (hi - lo) * i / n).ToArray();
}
