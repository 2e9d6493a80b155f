namespace Spectra.Jobs;

/// <summary>When a run's JSON <c>options</c> (and so a baseline, which a check repeats) records a parameter.</summary>
internal enum Recorded
{
    Always,
    /// <summary>Only when it differs from its default (an optional column, a subset size).</summary>
    WhenSet,
    /// <summary>Never: it does not change the numbers (threads, the content hash, skipping unreadable files).</summary>
    Never,
}

/// <summary>
/// One option of a job, defined once: its key (the option map's and the JSON's name), its default, its
/// range and its help text. The command line, the notebook builders, the JSON <c>options</c> and a
/// baseline's recorded options are all derived from it; errors name it by key (see <see cref="SpectraException.Keys"/>).
/// </summary>
internal abstract class Parameter
{
    private protected Parameter(string key, string help)
    {
        Key = key;
        Help = help;
    }

    public string Key { get; }
    public string Help { get; }
    public string? HelpName { get; init; }
    public Recorded Recorded { get; init; } = Recorded.Always;

    /// <summary>The values a choice accepts, as text; null for other parameters.</summary>
    public virtual IReadOnlyList<string>? Choices => null;

    /// <summary>The notebook builder method that sets it, when it is not the key in PascalCase.</summary>
    public string? Notebook { get; init; }

    /// <summary>The text of the default, or null when it is unset by default.</summary>
    public abstract string? DefaultText { get; }

    /// <summary>How a message names the parameter, for each front end to spell: <c>{k_top}</c>.</summary>
    public string Name => "{" + Key + "}";

    /// <summary>How a message names the parameter with a value: <c>{nulls=drop-row}</c>.</summary>
    public string Named(string value) => "{" + Key + "=" + value + "}";

    /// <summary>The parameter's value in a request as the option map writes it (null: unset).</summary>
    public abstract string? TextOf(AnalysisRequest request);

    /// <summary>The request with this parameter set from text; text that does not parse is an error naming the key.</summary>
    public abstract AnalysisRequest WithText(AnalysisRequest request, string text);

    /// <summary>A notebook's spelling of a value given as text (an enum member for a choice).</summary>
    public virtual string NotebookValue(string text) => int.TryParse(text, CultureInfo.InvariantCulture, out _) ? text : "\"" + text + "\"";

    internal abstract void Validate(AnalysisRequest request);

    internal SpectraException NotA(string text, string what) =>
        SpectraException.Option($"option '{Name}' is '{text}', not {what}", [Key]);
}

/// <summary>A parameter of type <typeparamref name="T"/>, reading and setting its field of an <see cref="AnalysisRequest"/>.</summary>
internal class Parameter<T> : Parameter
{
    private readonly Func<AnalysisRequest, T> _get;
    private readonly Func<AnalysisRequest, T, AnalysisRequest> _set;
    private readonly Func<T, string?> _format;
    private readonly Func<string, T> _parse;
    private readonly Func<T, string?>? _rule;

    /// <param name="parse">Text to value; throws when it is not one.</param>
    /// <param name="rule">The reason a value is out of range (naming the parameter as {key}), or null when it is fine.</param>
    internal Parameter(string key, T @default, string help, Func<AnalysisRequest, T> get, Func<AnalysisRequest, T, AnalysisRequest> set,
        Func<T, string?> format, Func<Parameter, string, T> parse, Func<T, string?>? rule = null) : base(key, help)
    {
        Default = @default;
        _get = get;
        _set = set;
        _format = format;
        _parse = text => parse(this, text);
        _rule = rule;
    }

    public T Default { get; }
    public override string? DefaultText => _format(Default);

    public T Get(AnalysisRequest request) => _get(request);

    /// <summary>The request with the value set and the parameter counted as given (a check keeps it over the baseline's).</summary>
    public AnalysisRequest With(AnalysisRequest request, T value)
    {
        var r = _set(request, value);
        return r with { Given = new HashSet<string>(r.Given, StringComparer.Ordinal) { Key } };
    }

    /// <summary>The value, after its rule: a value out of range fails where it was given.</summary>
    public T Checked(T value) => _rule?.Invoke(value) is { } reason ? throw SpectraException.Option(reason, [Key]) : value;

    public override string? TextOf(AnalysisRequest request) => _format(_get(request));
    public override AnalysisRequest WithText(AnalysisRequest request, string text) => With(request, _parse(text));
    internal override void Validate(AnalysisRequest request) => Checked(_get(request));
    internal T Parse(string text) => _parse(text);
}

/// <summary>A parameter with a fixed set of values, each with its text (<c>--nulls drop-row</c>, <c>NullPolicy.DropRow</c>).</summary>
internal sealed class Choice<T> : Parameter<T> where T : struct, Enum
{
    private readonly (string Text, T Value)[] _values;

    internal Choice(string key, T @default, string help, Func<AnalysisRequest, T> get, Func<AnalysisRequest, T, AnalysisRequest> set, params (string Text, T Value)[] values)
        : base(key, @default, help, get, set, v => Text(values, v), (p, text) => Parse(p, values, text)) => _values = values;

    public override IReadOnlyList<string> Choices => _values.Select(v => v.Text).ToArray();

    public string TextOf(T value) => Text(_values, value);

    public override string NotebookValue(string text) => typeof(T).Name + "." + Parse(this, _values, text);

    private static string Text((string Text, T Value)[] values, T value) => values.First(v => EqualityComparer<T>.Default.Equals(v.Value, value)).Text;

    private static T Parse(Parameter p, (string Text, T Value)[] values, string text) =>
        values.FirstOrDefault(v => v.Text == text) is { Text: not null } found
            ? found.Value
            : throw SpectraException.Option($"{p.Name} '{text}' is not {Or(values.Select(v => v.Text).ToArray())}", [p.Key]);

    internal static string Or(string[] words) => words.Length == 1 ? words[0] : string.Join(", ", words[..^1]) + " or " + words[^1];
}
