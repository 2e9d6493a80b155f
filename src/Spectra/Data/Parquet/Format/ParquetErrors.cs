namespace Spectra.Data.Parquet.Format;

/// <summary>The few error shapes the decoders raise; callers add the file and the place.</summary>
internal static class ParquetErrors
{
    public const string CorruptHint = "the file is corrupt or truncated: re-export it from its source";

    public static SpectraException Corrupt(string reason) => SpectraException.Invalid(reason, hint: CorruptHint);

    public static SpectraException Unsupported(string reason, string? hint = null) => SpectraException.Unsupported(reason, hint: hint);

    public static SpectraException TooLarge(string reason) =>
        new(SpectraErrorKind.LimitExceeded, reason,
            hint: "raise ParquetReadOptions.MemoryLimitBytes if the file is genuine, or select fewer columns");
}
