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

    public SpectraException(SpectraErrorKind kind, string reason, string? file = null, string? location = null,
        string? hint = null, Exception? inner = null)
        : base(Compose(reason, file, location, hint), inner)
    {
        Kind = kind;
        Reason = reason;
        File = file;
        Location = location;
        Hint = hint;
    }

    /// <summary>The same error with the file filled in (for decoders that do not know their file name).</summary>
    public SpectraException WithFile(string file) =>
        File is null ? new SpectraException(Kind, Reason, file, Location, Hint, this) : this;

    /// <summary>The same error with a location prefix (e.g. "row group 2, column 'x'").</summary>
    public SpectraException WithLocation(string location) =>
        new(Kind, Reason, File, Location is null ? location : location + ", " + Location, Hint, this);

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
