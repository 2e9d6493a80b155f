namespace Spectra.Cli;

/// <summary>
/// The command line's spelling of the jobs' <see cref="Parameters"/>: one option per parameter, with its
/// key in kebab case (k_top → --k-top; a switch that turns a default off → --no-center), its default and help.
/// </summary>
public sealed class RunOptions
{
    private readonly (Parameter Parameter, Option Option)[] _options;

    /// <param name="baseline">Also the baseline job's own parameters (--replicates, --resampling).</param>
    public RunOptions(bool baseline = false) =>
        _options = (baseline ? Parameters.Run.Concat(Parameters.Baseline) : Parameters.Run).Select(p => (p, Create(p))).ToArray();

    public Argument<string[]> Path { get; } = InputPathArgument();

    public IEnumerable<Option> Options => _options.Select(o => o.Option);

    public void AddTo(Command command)
    {
        command.Add(Path);
        foreach (var o in Options) command.Add(o);
    }

    /// <summary>The paths and the request the command line gives; only the options given count as given (a check takes the rest from its baseline).</summary>
    public (InputArgument Input, AnalysisRequest Request) Read(ParseResult p)
    {
        var request = AnalysisRequest.Default;
        foreach (var (parameter, option) in _options)
            if (p.GetResult(option) is { Implicit: false }) request = Set(request, parameter, option, p);
        return (new InputArgument(p.GetValue(Path) ?? []), request.Validate());
    }

    /// <summary>A parameter as the command line spells it, with its value when given: --k-top, --nulls drop-row.</summary>
    public static string Spell(string key, string? value) => Name(key) + (value is null ? "" : " " + value);

    private static string Name(string key) =>
        (Parameters.ByKey.GetValueOrDefault(key) is Parameter<bool> { Default: true } ? "--no-" : "--") + key.Replace('_', '-');

    private static Argument<string[]> InputPathArgument()
    {
        var path = new Argument<string[]>("PATH")
        {
            Description = "An image folder, a Parquet file or folder, a .npy/.npz file or an IDX file; several Parquet files, folders or quoted globs ('shards/*.parquet') are read as one table",
            Arity = ArgumentArity.OneOrMore,
        };
        // The parser hands every token it does not know to a many-valued argument, so a misspelt option would
        // otherwise be read as a second input and refused for the wrong reason.
        path.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-' && !System.IO.Path.Exists(token.Value))
                    result.AddError($"unknown option '{token.Value}'");
        });
        return path;
    }

    private static Option Create(Parameter p) => p switch
    {
        Parameter<bool> => new Option<bool>(Name(p.Key)) { Description = p.Help },
        Parameter<IReadOnlyList<string>> => new Option<string[]>(Name(p.Key)) { Description = p.Help, HelpName = p.HelpName, AllowMultipleArgumentsPerToken = true },
        _ => Text(p),
    };

    private static Option<string> Text(Parameter p)
    {
        var o = new Option<string>(Name(p.Key)) { Description = p.Help, HelpName = p.HelpName };
        if (p.DefaultText is { } fallback) o.DefaultValueFactory = _ => fallback;
        if (p.Choices is { } choices) o.AcceptOnlyFromAmong([.. choices]);
        return o;
    }

    private static AnalysisRequest Set(AnalysisRequest r, Parameter parameter, Option option, ParseResult p) => parameter switch
    {
        // A switch turns its default over: --no-center sets center false, --standardize sets standardize true.
        Parameter<bool> flag => flag.With(r, p.GetValue((Option<bool>)option) != flag.Default),
        // --columns a,b is --columns a b.
        Parameter<IReadOnlyList<string>> list => list.With(r, (p.GetValue((Option<string[]>)option) ?? [])
            .SelectMany(v => parameter == Parameters.Columns ? v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [v]).ToArray()),
        _ => parameter.WithText(r, p.GetValue((Option<string>)option)!),
    };
}
