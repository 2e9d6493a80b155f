namespace Spectra;

/// <summary>What kind of user-fixable problem stopped a computation.</summary>
public enum SpectraErrorKind
{
    /// <summary>The input is malformed, inconsistent or corrupt.</summary>
    InvalidInput,
    /// <summary>The input uses a feature Spectra does not implement (a codec, an encoding, a colour model).</summary>
    Unsupported,
    /// <summary>There are too few samples, features or levels for the requested statistic.</summary>
    NotEnoughData,
    /// <summary>A limit (pixels, bytes, matrix size) would be exceeded.</summary>
    LimitExceeded,
    /// <summary>A file or folder could not be found or read.</summary>
    Io,
    /// <summary>No usable linear-algebra backend, or a backend failed.</summary>
    Backend,
    /// <summary>An option value is out of range or inconsistent with another.</summary>
    InvalidOption,
}

/// <summary>
/// The one exception type for problems a user can cause and fix. The message always says what
/// went wrong; <see cref="File"/> and <see cref="Location"/> say where (a row group and column, a
/// pixel row, a sample index) and <see cref="Hint"/> what to do about it.
/// </summary>
public sealed class SpectraException : Exception
{
    public SpectraErrorKind Kind { get; }
    public string? File { get; }
    public string? Location { get; }
    public string? Hint { get; }
    public string Reason { get; }

    /// <summary>
    /// The options this error is about, by key (k_top, nulls). The reason and hint name them as {k_top}
    /// or {nulls=drop-row}; <see cref="Message"/> writes the bare key (as a baseline file spells it) and
    /// each front end respells them with <see cref="Spelled"/> (--k-top on the command line, KTop() in a notebook).
    /// </summary>
    public IReadOnlyList<string> Keys { get; }

    private readonly string _reason;
    private readonly string? _hint;

    public SpectraException(SpectraErrorKind kind, string reason, string? file = null, string? location = null,
        string? hint = null, Exception? inner = null)
        : this(kind, reason, file, location, hint, inner, Array.Empty<string>())
    {
    }

    private SpectraException(SpectraErrorKind kind, string reason, string? file, string? location, string? hint, Exception? inner,
        IReadOnlyList<string> keys)
        : base(Compose(Name(reason, keys, Bare)!, file, location, Name(hint, keys, Bare)), inner)
    {
        Kind = kind;
        Keys = keys;
        _reason = reason;
        _hint = hint;
        Reason = Name(reason, keys, Bare)!;
        File = file;
        Location = location;
        Hint = Name(hint, keys, Bare);
    }

    /// <summary>An option out of range or inconsistent; <paramref name="reason"/> names the options as {key} or {key=value}.</summary>
    public static SpectraException Option(string reason, IReadOnlyList<string> keys, string? hint = null) =>
        new(SpectraErrorKind.InvalidOption, reason, null, null, hint, null, keys);

    /// <summary>An error of any kind whose reason or hint names options (see <see cref="Keys"/>).</summary>
    public static SpectraException Naming(SpectraErrorKind kind, string reason, IReadOnlyList<string> keys, string? file = null, string? location = null, string? hint = null) =>
        new(kind, reason, file, location, hint, null, keys);

    /// <summary>The same error with its options named by <paramref name="spell"/> (key, value or null → text), the original as its cause.</summary>
    public SpectraException Spelled(Func<string, string?, string> spell) => Keys.Count == 0
        ? this
        : new(Kind, Name(_reason, Keys, spell)!, File, Location, Name(_hint, Keys, spell), this);

    /// <summary>The same error with the file filled in (for decoders that do not know their file name).</summary>
    public SpectraException WithFile(string file) =>
        File is null ? new SpectraException(Kind, _reason, file, Location, _hint, this, Keys) : this;

    /// <summary>The same error with a location prefix (e.g. "row group 2, column 'x'").</summary>
    public SpectraException WithLocation(string location) =>
        new(Kind, _reason, File, Location is null ? location : location + ", " + Location, _hint, this, Keys);

    private static string Bare(string key, string? value) => value is null ? key : key + " " + value;

    private static string? Name(string? text, IReadOnlyList<string> keys, Func<string, string?, string> spell)
    {
        if (text is null || keys.Count == 0) return text;
        foreach (var key in keys)
        {
            text = text.Replace("{" + key + "}", spell(key, null), StringComparison.Ordinal);
            for (var at = text.IndexOf("{" + key + "=", StringComparison.Ordinal); at >= 0; at = text.IndexOf("{" + key + "=", StringComparison.Ordinal))
            {
                var end = text.IndexOf('}', at);
                if (end < 0) break;
                var value = text[(at + key.Length + 2)..end];
                text = text[..at] + spell(key, value) + text[(end + 1)..];
            }
        }
        return text;
    }

    private static string Compose(string reason, string? file, string? location, string? hint)
    {
        var where = (file, location) switch
        {
            (null, null) => "",
            (not null, null) => file + ": ",
            (null, not null) => location + ": ",
            _ => file + " (" + location + "): ",
        };
        return where + reason + (hint is null ? "" : ". " + hint);
    }

    public static SpectraException Invalid(string reason, string? file = null, string? location = null, string? hint = null) =>
        new(SpectraErrorKind.InvalidInput, reason, file, location, hint);

    public static SpectraException Unsupported(string reason, string? file = null, string? location = null, string? hint = null) =>
        new(SpectraErrorKind.Unsupported, reason, file, location, hint);
}
