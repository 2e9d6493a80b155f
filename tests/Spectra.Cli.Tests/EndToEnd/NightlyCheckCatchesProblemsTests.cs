namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>A clean MNIST sample of 3000 images and its baseline, made once for the class.</summary>
public sealed class MnistBaselineFixture : IDisposable
{
    public const int Samples = 3000;
    private readonly TempFolder _tmp = new();

    public MnistBaselineFixture()
    {
        if (Conformance.Root is null) return;
        Clean = MnistSamples.Instance.Subsample(Samples, seed: 1);
        CleanPath = Write("clean.npy", Clean);
        BaselinePath = _tmp.File("baseline.json");
        BaselineRun = Tool.Run("baseline", CleanPath, "-o", BaselinePath, "--sff-realisations", "0", "--replicates", "20", "-q");
    }

    public double[] Clean { get; } = Array.Empty<double>();
    public string CleanPath { get; } = "";
    public string BaselinePath { get; } = "";
    public CliRun? BaselineRun { get; }

    public string Write(string name, double[] rows)
    {
        var path = _tmp.File(name);
        NpyWriter.WriteSamples(path, rows, rows.Length / MnistSamples.Features, MnistSamples.Features);
        return path;
    }

    public string File(string name) => _tmp.File(name);

    public void Dispose() => _tmp.Dispose();
}

/// <summary>
/// The nightly check end to end on real data: four kinds of damage to MNIST must fail the check
/// against the clean baseline (exit 2), while fresh random samples of the clean data pass.
/// </summary>
public class NightlyCheckCatchesProblemsTests : IClassFixture<MnistBaselineFixture>
{
    private readonly MnistBaselineFixture _f;

    public NightlyCheckCatchesProblemsTests(MnistBaselineFixture fixture)
    {
        _f = fixture;
        if (Conformance.Root is not null) Assert.Equal(0, fixture.BaselineRun!.ExitCode);
    }

    private CliRun Check(string path, params string[] extra) =>
        Tool.Run(new[] { "check", path, "--baseline", _f.BaselinePath }.Concat(extra).ToArray());

    [ConformanceFact]
    public void Uncorrelated_noise_replacing_ten_percent_of_samples_fails()
    {
        var path = _f.Write("noise.npy", MnistSamples.WithNoiseRows(MnistSamples.Instance.Subsample(MnistBaselineFixture.Samples, 7), 0.10, 70));
        CheckAssert.FailsOn(Check(path), "power_law.alpha");
    }

    [ConformanceFact]
    public void Images_blurred_by_a_two_by_two_box_fail()
    {
        var path = _f.Write("blur.npy", MnistSamples.Blurred(MnistSamples.Instance.Subsample(MnistBaselineFixture.Samples, 8)));
        var run = Check(path);
        CheckAssert.FailsOn(run, "power_law.alpha");
        CheckAssert.FailsOn(run, "entropy.normalized");
    }

    [ConformanceFact]
    public void Synthetic_correlated_gaussian_data_with_another_alpha_fails()
    {
        var path = _f.Write("cgd.npy", MnistSamples.CorrelatedGaussian(MnistBaselineFixture.Samples, alpha: 1.2, seed: 9));
        var run = Check(path);
        CheckAssert.FailsOn(run, "power_law.alpha");
        CheckAssert.FailsOn(run, "entropy.normalized");
    }

    [ConformanceFact]
    public void Five_percent_exact_duplicates_fail_and_are_reported_by_file_and_row()
    {
        var (data, copies) = MnistSamples.WithDuplicates(MnistSamples.Instance.Subsample(MnistBaselineFixture.Samples, 10), 0.05, 100);
        var path = _f.Write("dup.npy", data);
        var json = _f.File("dup.json");
        var md = _f.File("dup.md");
        var run = Check(path, "--json", json, "--markdown", md);
        CheckAssert.FailsOn(run, "duplicates.rate");
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var dup = doc.RootElement.GetProperty("input").GetProperty("duplicates");
        // The clean rows are distinct, so the rows that repeat an earlier one number M − distinct = copies,
        // whichever of a copy and its donor comes first.
        Assert.Equal(copies, dup.GetProperty("count").GetInt32());
        var examples = dup.GetProperty("examples");
        Assert.True(examples.GetArrayLength() > 0);
        Assert.Contains("dup.npy", examples[0].GetProperty("duplicate").GetString());
        Assert.Contains("repeats", File.ReadAllText(md));
        var check = doc.RootElement.GetProperty("check");
        Assert.Equal("fail", check.GetProperty("status").GetString());
        Assert.Equal(2, check.GetProperty("exit_code").GetInt32());
        Assert.Contains(check.GetProperty("rules").EnumerateArray(),
            r => r.GetProperty("metric").GetString() == "duplicates.rate" && r.GetProperty("status").GetString() == "fail");
    }

    [ConformanceFact]
    public void Fresh_random_subsamples_of_the_clean_data_pass_in_at_least_19_of_20_seeds()
    {
        var codes = new List<int>();
        for (var seed = 0; seed < 20; seed++)
        {
            var path = _f.Write($"fresh{seed}.npy", MnistSamples.Instance.Subsample(MnistBaselineFixture.Samples, 1000 + seed));
            var run = Check(path, "-q");
            Assert.NotEqual(3, run.ExitCode);
            codes.Add(run.ExitCode);
            File.Delete(path);
        }
        Assert.True(codes.Count(c => c == 0) >= 19, "exit codes: " + string.Join(", ", codes));
        Assert.DoesNotContain(2, codes);
    }
}
