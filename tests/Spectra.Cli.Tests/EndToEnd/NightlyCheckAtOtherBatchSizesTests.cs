using Xunit.Abstractions;

namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// A baseline of 1250 MNIST digits halved to 14 × 14 (d = 196, so q = d/M ≈ 0.16 as for 5000 full
/// digits) and a pool of other digits, disjoint from the baseline's, that batches are drawn from.
/// </summary>
public sealed class HalvedMnistBaselineFixture : IDisposable
{
    public const int Samples = 1250;
    public const int Features = 196;
    private readonly TempFolder _tmp = new();

    public HalvedMnistBaselineFixture()
    {
        if (Conformance.Root is null) return;
        var order = MnistSamples.Instance.Shuffled(seed: 3);
        Pool = order[Samples..];
        BaselinePath = _tmp.File("baseline.json");
        BaselineRun = Tool.Run("baseline", Write("baseline.npy", MnistSamples.Halved(MnistSamples.Instance.Rows(order[..Samples]))),
            "-o", BaselinePath, "--sff-realisations", "0", "--replicates", "20", "-q");
    }

    public int[] Pool { get; } = Array.Empty<int>();
    public string BaselinePath { get; } = "";
    public CliRun? BaselineRun { get; }

    /// <summary>A fresh batch of <paramref name="rows"/> halved digits from the pool.</summary>
    public double[] Batch(int rows, int seed)
    {
        var pick = (int[])Pool.Clone();
        new Random(seed).Shuffle(pick);
        return MnistSamples.Halved(MnistSamples.Instance.Rows(pick[..rows]));
    }

    public string Write(string name, double[] rows)
    {
        var path = _tmp.File(name);
        NpyWriter.WriteSamples(path, rows, rows.Length / Features, Features);
        return path;
    }

    public string File(string name) => _tmp.File(name);

    public void Dispose() => _tmp.Dispose();
}

/// <summary>
/// The nightly check with batches of another size than the baseline's (issue: the count above the
/// Marchenko–Pastur edge follows q = d/M, so a 0.8× batch warned every time): clean batches from 0.5×
/// to 2× the baseline's rows pass, damaged ones of such sizes still fail, and a batch too small to be
/// matched says so (could not compute) instead of warning.
/// </summary>
public class NightlyCheckAtOtherBatchSizesTests : IClassFixture<HalvedMnistBaselineFixture>
{
    private const int M = HalvedMnistBaselineFixture.Samples;
    private readonly HalvedMnistBaselineFixture _f;
    private readonly ITestOutputHelper _log;

    public NightlyCheckAtOtherBatchSizesTests(HalvedMnistBaselineFixture fixture, ITestOutputHelper log)
    {
        _f = fixture;
        _log = log;
        if (Conformance.Root is not null) Assert.Equal(0, fixture.BaselineRun!.ExitCode);
    }

    private CliRun Check(string path, params string[] extra) =>
        Tool.Run(new[] { "check", path, "--baseline", _f.BaselinePath }.Concat(extra).ToArray());

    [ConformanceFact]
    public void Clean_batches_from_half_to_twice_the_baseline_size_pass_in_at_least_19_of_20_seeds()
    {
        var codes = new List<string>();
        var passes = 0;
        for (var k = 0; k < 20; k++)
        {
            var rows = (int)Math.Round(M * Math.Pow(2, -1 + 2.0 * k / 19));
            var path = _f.Write($"fresh{k}.npy", _f.Batch(rows, 1000 + k));
            var json = _f.File($"fresh{k}.json");
            var run = Check(path, "-q", "--json", json);
            Assert.NotEqual(3, run.ExitCode);
            codes.Add($"{rows}: {run.ExitCode}");
            if (run.ExitCode == 0) passes++;
            using var doc = JsonDocument.Parse(System.IO.File.ReadAllText(json));
            var match = doc.RootElement.GetProperty("check").GetProperty("size_match");
            Assert.Equal(rows == M ? "same_size" : rows > M ? "subsample" : "interpolation", match.GetProperty("method").GetString());
            Assert.Equal(rows, match.GetProperty("batch_samples").GetInt64());
            Assert.Equal(Math.Min(rows, M), match.GetProperty("compared_samples").GetInt64());
            var ruleOutcomes = doc.RootElement.GetProperty("check").GetProperty("rules").EnumerateArray().ToList();
            var worst = ruleOutcomes.Where(r => r.GetProperty("size_match").ValueKind == JsonValueKind.String).MaxBy(r => r.GetProperty("sigma").GetDouble());
            var notPassing = ruleOutcomes.Where(r => r.GetProperty("status").GetString() != "pass").Select(r => r.GetProperty("message").GetString());
            _log.WriteLine($"{rows} rows: exit {run.ExitCode}, largest deviation {worst.GetProperty("sigma").GetDouble():F2}σ on {worst.GetProperty("name").GetString()}; " +
                string.Join("; ", notPassing));
            System.IO.File.Delete(path);
        }
        Assert.True(passes >= 19, "rows: exit code: " + string.Join(", ", codes));
        Assert.DoesNotContain(codes, c => c.EndsWith(": 2", StringComparison.Ordinal));
    }

    [ConformanceFact]
    public void Uncorrelated_noise_in_a_half_size_batch_fails()
    {
        var path = _f.Write("noise.npy", MnistSamples.WithNoiseRows(_f.Batch(M / 2, 70), 0.10, 71, HalvedMnistBaselineFixture.Features));
        CheckAssert.FailsOn(Check(path), "power_law.alpha");
    }

    [ConformanceFact]
    public void A_blurred_double_size_batch_fails()
    {
        var path = _f.Write("blur.npy", MnistSamples.Blurred(_f.Batch(2 * M, 80), side: 14));
        CheckAssert.FailsOn(Check(path), "power_law.alpha");
    }

    [ConformanceFact]
    public void Duplicates_in_a_smaller_batch_fail()
    {
        var (data, _) = MnistSamples.WithDuplicates(_f.Batch(M * 7 / 10, 90), 0.05, 91, HalvedMnistBaselineFixture.Features);
        CheckAssert.FailsOn(Check(_f.Write("dup.npy", data)), "duplicates.rate");
    }

    [ConformanceFact]
    public void Correlated_gaussian_data_with_another_alpha_in_a_larger_batch_fails()
    {
        var path = _f.Write("cgd.npy", MnistSamples.CorrelatedGaussian(M * 3 / 2, alpha: 1.2, seed: 9, HalvedMnistBaselineFixture.Features));
        CheckAssert.FailsOn(Check(path), "power_law.alpha");
    }

    [ConformanceFact]
    public void A_batch_too_small_to_match_says_so_instead_of_warning()
    {
        var md = _f.File("small.md");
        var run = Check(_f.Write("small.npy", _f.Batch(M / 4, 60)), "--markdown", md);
        Assert.True(run.ExitCode == 3, $"expected could not compute (3), got {run.ExitCode}\n{run.Out}");
        Assert.Matches(@"│ power_law.alpha\s+│ error\s+│ power_law.alpha not compared", run.Out);
        Assert.Matches(@"│ duplicates.rate\s+│ pass", run.Out);
        Assert.Contains("fewer than this baseline of 1250 rows can be matched to", System.IO.File.ReadAllText(md));
    }
}
