namespace Spectra.Cli.Commands;

/// <summary>
/// `spectra check PATH --baseline baseline.json [--rules rules.yaml]`: today's fingerprint against the
/// baseline. Exit 0 pass, 1 warn (2 with --warn-as-error), 2 fail, 3 could not compute.
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("check", "Compare a dataset with a baseline under warn / fail rules; the exit code says pass (0), warn (1), fail (2) or could not compute (3)");
        var run = new RunOptions();
        var outputs = new ReportOutputOptions();
        var baselineOption = new Option<string>("--baseline", "-b") { Description = "The baseline file made by `spectra baseline`", Required = true, HelpName = "FILE" };
        var rulesOption = new Option<string?>("--rules", "-r") { Description = "Rules (YAML or JSON, see docs/nightly.md); the default rules when absent", HelpName = "FILE" };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML file with one test case per rule", HelpName = "FILE" };
        var warnAsError = new Option<bool>("--warn-as-error") { Description = "Exit 2 on warnings too" };
        run.AddTo(command);
        command.Add(baselineOption);
        command.Add(rulesOption);
        command.Add(warnAsError);
        command.Add(junit);
        outputs.AddTo(command);
        command.SetAction(p =>
        {
            var baselinePath = p.GetValue(baselineOption)!;
            var baseline = Job.ReadBaseline(baselinePath);
            var rules = p.GetValue(rulesOption) is { } rulesPath ? RuleSetFile.Load(rulesPath) : DefaultRules.Create();
            var (input, request) = run.Read(p);
            var quiet = p.GetValue(GlobalOptions.Quiet);
            var (report, result) = ProgressDisplay.Run(io, quiet, progress => Job.Check(r => r.Open(input.Paths), request, baseline, rules, baselinePath, progress).Run);
            var strict = p.GetValue(warnAsError);

            var code = result.ExitCode(strict);
            var checkMarkdown = MarkdownCheckWriter.Write(result, input.Display, baselinePath);
            outputs.WriteAll(p, report, checkMarkdown, new CheckSummary(result, code, baselinePath), baseline);
            if (p.GetValue(junit) is { } junitPath) OutputFile.Write(junitPath, JUnitCheckWriter.Write(result, "spectra check " + input.Display, strict));
            if (!quiet) CheckTable.Write(result, io);
            io.Err.WriteLine($"spectra check: {result.Status.ToString().ToLowerInvariant()} (exit {code})");
            return code;
        });
        return command;
    }
}
