namespace Spectra.Data.Images;

/// <summary>
/// The last line of defence against a corrupt file: a defect a decoder does not recognise by name
/// (an index past a table, a zlib error code, an arithmetic overflow) still becomes the one user
/// error, naming the file, so that a folder read reports it or, with skip-invalid, passes it over.
/// </summary>
internal static class DecoderFault
{
    /// <summary>Whether <paramref name="e"/> is what a decoder's bounds and library calls throw on malformed data.</summary>
    public static bool IsDataFault(Exception e) =>
        e is IndexOutOfRangeException or ArgumentException or OverflowException or InvalidDataException or IOException
            or InvalidOperationException or FormatException;

    public static SpectraException ToError(Exception e, string codec) =>
        SpectraException.Invalid($"{codec} data is corrupt (the decoder stopped: {e.GetType().Name}: {e.Message.TrimEnd('.')})",
            hint: "re-export or re-download the file, or pass over such files with skip-invalid");
}
