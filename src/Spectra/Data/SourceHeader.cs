namespace Spectra.Data;

/// <summary>
/// What a source knows before its first read and never changes afterwards: where the data is, what kind
/// of input it is, the notes its set-up made ("4 columns selected of 9") and what it passed over while
/// probing. What a read finds is in that read's <see cref="ReadSummary"/>.
/// </summary>
public sealed record SourceHeader(string Path, string Kind)
{
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>Files or columns passed over before reading (unreadable headers, columns left out).</summary>
    public IReadOnlyList<SkippedItem> Skipped { get; init; } = Array.Empty<SkippedItem>();
}
