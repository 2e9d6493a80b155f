namespace Spectra.Cli.Commands;

/// <summary>
/// `spectra accumulate PATH --shard I/N -o FILE` reads one shard of the input into an accumulator file;
/// `spectra merge FILE… -o FILE` merges every shard's file into one, which `spectra analyze FILE` reads as it
/// reads the input itself (docs/scale-out.md).
/// </summary>
public static class ShardCommands
{
    public static Command Accumulate(CliIo io)
    {
        var command = new Command("accumulate", "Read shard I of N of the input into an accumulator file (.spacc) for `spectra merge`");
        var run = new RunOptions();
        var shard = new Option<string>("--shard") { Description = "The shard to read, I/N (1 ≤ I ≤ N): a fixed, contiguous share of the input", HelpName = "I/N", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "The accumulator file to write", HelpName = "FILE", Required = true };
        run.AddTo(command);
        command.Add(shard);
        command.Add(output);
        command.SetAction(p =>
        {
            var (input, request) = run.Read(p);
            var selection = ShardSelection.Parse(p.GetValue(shard)!);
            var file = p.GetValue(output)!;
            var quiet = p.GetValue(GlobalOptions.Quiet);
            var header = ProgressDisplay.Run(io, quiet, progress => Job.Accumulate(input.Paths, request, selection, file, progress));
            if (!quiet) io.Out.WriteLine($"{header.Describe()} of {input.Display}: {header.Features} features, {header.Rows} rows → {file}");
            return 0;
        });
        return command;
    }

    public static Command Merge(CliIo io)
    {
        var command = new Command("merge", "Merge the accumulator files of every shard into one (exact, in shard order), for `spectra analyze FILE`");
        var inputs = new Argument<string[]>("FILE") { Description = "The shards' accumulator files (.spacc), each once", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The merged accumulator file to write", HelpName = "FILE", Required = true };
        command.Add(inputs);
        command.Add(output);
        command.SetAction(p =>
        {
            var file = p.GetValue(output)!;
            var header = Job.Merge(p.GetValue(inputs)!, file);
            if (!p.GetValue(GlobalOptions.Quiet))
                io.Out.WriteLine($"{header.Of} shard(s) of {header.Input}: {header.Rows} rows, {header.Features} features → {file}");
            return 0;
        });
        return command;
    }
}
