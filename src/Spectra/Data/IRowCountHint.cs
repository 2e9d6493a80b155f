namespace Spectra.Data;

/// <summary>
/// A source that knows, before it is read, how many rows a read yields at most (every header is read
/// when it opens), so that a run that cannot fit in its memory budget fails before the first read.
/// </summary>
internal interface IRowCountHint
{
    /// <summary>Rows one full read yields at most.</summary>
    long ExpectedRows { get; }
}
