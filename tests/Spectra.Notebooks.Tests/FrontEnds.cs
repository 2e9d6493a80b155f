using System.CommandLine;

namespace Spectra.Notebooks.Tests;

/// <summary>The command line's reading of arguments, for tests that hold the notebook API to it.</summary>
internal static class FrontEnds
{
    /// <summary>The request `spectra analyze ARGS` would run.</summary>
    public static AnalysisRequest Cli(params string[] args)
    {
        var run = new RunOptions();
        var command = new Command("analyze");
        run.AddTo(command);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        return run.Read(parse).Request;
    }

    /// <summary>The standard error of a run that is expected to fail with exit code 3.</summary>
    public static string CliError(params string[] args)
    {
        var io = CliIo.Capture(out _, out var stderr);
        Assert.Equal(3, SpectraCli.Run(args, io));
        return stderr.ToString();
    }
}
