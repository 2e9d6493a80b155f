namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// `spectra analyze` on the whole MNIST test set against an independent numpy computation of the same
/// definitions (SCIENCE.md §1–3), run once with Debian's python3-numpy when the test was written:
/// <code>
/// X = uint8 IDX pixels / 255 (10000 × 784); Xc = X − X.mean(0); w = eigvalsh(Xc.T @ Xc / 10000)
/// nz = w[w &gt; 784 · 2.220446049250313e-16 · |w|.max()]       # 661 levels, 123 zero modes
/// b = nz[10:-10]; s = diff(b); r̃ = min(s_i, s_i+1) / max(s_i, s_i+1)  → mean 0.5044169205836464
/// polyfit(ln i, ln λ_i (descending), 1) over i = 11 … 330             → α = 0.6922766476762006
/// p = nz / Σ nz; −Σ p ln p / ln 661                                   → 0.6463481241318683
/// </code>
/// The two differ only by summation order (covariance accumulated in chunks vs one matrix product).
/// </summary>
public class MnistAgainstNumpyTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [ConformanceFact]
    public void Spectrum_statistics_of_mnist_match_numpy()
    {
        var json = _tmp.File("mnist.json");
        var run = Tool.Run("analyze", Conformance.PathOf("datasets", "mnist-t10k", "t10k-images-idx3-ubyte.gz"), "--sff-realisations", "0", "--json", json, "-q");
        Assert.True(run.ExitCode == 0, run.Err);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var r = doc.RootElement;
        Assert.Equal(10000, r.GetProperty("matrix").GetProperty("samples").GetInt32());
        Assert.Equal(784, r.GetProperty("matrix").GetProperty("features").GetInt32());
        Assert.Equal(123, r.GetProperty("spectrum").GetProperty("zero_modes").GetInt32());
        Assert.Equal(661, r.GetProperty("spectrum").GetProperty("non_zero").GetInt32());
        Assert.Equal(0.5044169205836464, r.GetProperty("spacing_ratio").GetProperty("mean").GetDouble(), 1e-9);
        Assert.Equal(0.6922766476762006, r.GetProperty("power_law").GetProperty("alpha").GetDouble(), 1e-9);
        Assert.Equal(0.6463481241318683, r.GetProperty("entropy").GetProperty("normalized").GetDouble(), 1e-12);
        Assert.Equal(11, r.GetProperty("power_law").GetProperty("fit_first").GetInt32());
        Assert.Equal(330, r.GetProperty("power_law").GetProperty("fit_last").GetInt32());
        Assert.Equal("GOE-like", r.GetProperty("verdict").GetProperty("class").GetString());
    }
}
