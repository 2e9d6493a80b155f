namespace Spectra.Data;

/// <summary>
/// Names rows from compact keys, on demand. A source with millions of rows hands out one key per
/// row instead of one string per row; a name is made only when a message or a report shows it.
/// </summary>
public interface IRowNamer
{
    string Name(long key);
}

/// <summary>A row's name, held as a ready string, or as a namer and a key and made when first shown.</summary>
public readonly struct RowReference
{
    private readonly object? _target;
    private readonly long _key;

    public RowReference(string name)
    {
        _target = name;
        _key = 0;
    }

    public RowReference(IRowNamer namer, long key)
    {
        _target = namer;
        _key = key;
    }

    /// <summary>A row known only by its position in the stream ("row 12").</summary>
    public static RowReference Position(long index) => new((object?)null, index);

    private RowReference(object? target, long key)
    {
        _target = target;
        _key = key;
    }

    public override string ToString() => _target switch
    {
        string s => s,
        IRowNamer n => n.Name(_key),
        _ => "row " + _key.ToString(CultureInfo.InvariantCulture),
    };
}
