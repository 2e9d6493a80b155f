using System.CommandLine;
using Spectra.Reports;

namespace Spectra.Notebooks.Tests;

/// <summary>
/// The command line and the notebook API are two spellings of one parameter table and call the same
/// jobs: the same baseline is checked alike, and an option is named as each front end sets it.
/// </summary>
public sealed class FrontEndAgreementTests
{
    private static string Digits => Path.Combine(RepositoryPaths.DataSamples, "digits");

    /// <summary>
    /// A baseline made with load, matrix and analysis options that are not the defaults: `spectra check`
    /// and <see cref="Dataset.Check(Checks.Baseline, Checks.RuleSet?, IProgress{SpectraProgress}?)"/> both
    /// read the data as the baseline did (300 samples of 6 × 6 pixels, covariance, k_top 4) and so write
    /// the same report. Reading the data with the dataset's own defaults instead would give 64 features
    /// against the baseline's 36, which the check refuses.
    /// </summary>
    [Fact]
    public void The_notebook_check_and_the_cli_check_agree_on_the_same_baseline()
    {
        var dir = Directory.CreateTempSubdirectory("spectra-agree-").FullName;
        try
        {
            var baseline = Path.Combine(dir, "baseline.json");
            var cliJson = Path.Combine(dir, "check.json");
            var io = CliIo.Capture(out _, out var stderr);
            Assert.True(SpectraCli.Run(["baseline", Digits, "-o", baseline, "--max-samples", "300", "--seed", "3", "--resize", "6x6", "--matrix", "covariance",
                "--k-top", "4", "--sff-realisations", "2", "--reference-draws", "2", "--replicates", "3", "-q"], io) == 0, stderr.ToString());
            var code = SpectraCli.Run(["check", Digits, "--baseline", baseline, "--json", cliJson, "-q"], io);
            Assert.True(code is 0 or 1 or 2, stderr.ToString());

            var check = Dataset.Load(Digits).Check(BaselineFile.Read(baseline));
            Assert.Equal(36, check.Analysis.Document.Matrix.Features);
            Assert.Equal(300, check.Analysis.Document.Matrix.Samples);
            Assert.Equal(4, check.Analysis.Request.KTop);
            Assert.Equal(code, check.ExitCode());
            var notebookJson = CheckJsonWriter.Write(check.Analysis.Document, new CheckSummary(check.Result, check.ExitCode(), baseline));
            Assert.Equal(WithoutTimings(File.ReadAllText(cliJson)), WithoutTimings(notebookJson));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>An option the user gives wins over the baseline's in both front ends.</summary>
    [Fact]
    public void An_option_given_to_a_check_is_kept_over_the_baseline()
    {
        var data = Dataset.Synthetic.Ugd(12, 80, seed: 2);
        var baseline = data.Baseline(replicates: 2, configure: a => a.KTop(3).SffRealisations(0).ReferenceDraws(0)).Baseline;
        Assert.Equal(3, data.Check(baseline).Analysis.Request.KTop);
        var given = FrontEnds.Cli("x", "--k-top", "6").WithRecorded(baseline.Options);
        Assert.Equal(6, given.KTop);
        Assert.Equal(0, given.SffRealisations);
    }

    /// <summary>
    /// A null in a selected Parquet column: the data layer names the option by key, and each front end
    /// spells it as its user would set it (the command line's flag, the notebook's builder call).
    /// </summary>
    [Fact]
    public void An_option_named_in_an_error_is_spelled_as_each_front_end_sets_it()
    {
        var table = Path.Combine(RepositoryPaths.Conformance, "parquet", "generated", "duckdb_main_snappy_v1.parquet");
        Assert.True(File.Exists(table), "the shared conformance files hold " + table);
        var cli = FrontEnds.CliError("analyze", table, "--columns", "f64n");
        Assert.Contains("--nulls drop-row", cli);
        Assert.Contains("--nulls mean-impute", cli);
        Assert.DoesNotContain("NullPolicy", cli);
        var notebook = Assert.Throws<SpectraException>(() => Dataset.Load(table, o => o.Columns("f64n")).Analyze()).Message;
        Assert.Contains("Nulls(NullPolicy.DropRow)", notebook);
        Assert.Contains("Nulls(NullPolicy.MeanImpute)", notebook);

        Assert.Contains("--k-top must be ≥ 0 (got -1)", FrontEnds.CliError("analyze", Digits, "--k-top", "-1"));
        Assert.Contains("KTop() must be ≥ 0 (got -1)", Assert.Throws<SpectraException>(() => Dataset.Load(Digits).Analyze(a => a.KTop(-1))).Message);
    }

    /// <summary>Every option of the shared run options is a parameter of the table, spelled from its key, with the table's default.</summary>
    [Fact]
    public void The_command_line_options_are_the_parameter_table()
    {
        var command = new Command("analyze");
        new RunOptions().AddTo(command);
        Assert.Equal(Parameters.Run.Select(p => RunOptions.Spell(p.Key, null)), command.Options.Select(o => o.Name));
        var defaults = FrontEnds.Cli("x");
        foreach (var p in Parameters.Run) Assert.Equal(p.DefaultText, p.TextOf(defaults));
        Assert.Empty(defaults.Given);
        // The layers below take their defaults from the same places the table does.
        var report = new ReportSettings();
        var fromTable = AnalysisRequest.Default.ReportSettings("");
        Assert.Equal((report.KTop, report.KBottom, report.ReferenceDraws, report.Eta, report.Unfolding), (fromTable.KTop, fromTable.KBottom, fromTable.ReferenceDraws, fromTable.Eta, fromTable.Unfolding));
        Assert.Equal(AnalysisOptions.Default.KTop, Parameters.KTop.Default);
    }

    private static string WithoutTimings(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("timings");
        return node.ToJsonString();
    }
}
