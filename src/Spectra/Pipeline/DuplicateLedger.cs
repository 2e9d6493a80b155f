namespace Spectra.Pipeline;

/// <summary>
/// What a duplicate search over some rows saw, in a form that continues exactly over later rows: every distinct
/// row (its 128-bit hash, its position among the rows searched and its name) and the first duplicates. Ledgers of
/// consecutive shards, joined in shard order, give the count and the examples one search over all rows gives.
/// </summary>
internal sealed record DuplicateLedger(long Rows, long Count, IReadOnlyList<DuplicateLedger.Entry> Distinct, IReadOnlyList<DuplicateLedger.Entry> FirstDuplicates)
{
    /// <summary>A row: its hash, its position among the ledger's rows and its name.</summary>
    public readonly record struct Entry(ulong HashA, ulong HashB, long Position, string Name)
    {
        public (ulong, ulong) Key => (HashA, HashB);
    }

    public DuplicateRows Result()
    {
        var first = Distinct.ToDictionary(e => e.Key, e => e.Name);
        return new DuplicateRows(Count, Rows, FirstDuplicates.Select(e => new DuplicatePair(first[e.Key], e.Name)).ToArray());
    }

    /// <summary>
    /// The ledger of the rows of <paramref name="parts"/> read one after another. A row repeats an earlier one when it
    /// repeated one within its own part, or when it was new there but an earlier part held it.
    /// </summary>
    public static DuplicateLedger Join(IReadOnlyList<DuplicateLedger> parts)
    {
        var seen = new Dictionary<(ulong, ulong), string>();
        var distinct = new List<Entry>();
        var firsts = new List<Entry>();
        long rows = 0, count = 0;
        foreach (var part in parts)
        {
            // Each part's repeats in row order: those within it (its first few, which is all the examples can use) and its new rows seen before.
            var repeats = new List<Entry>(part.FirstDuplicates);
            long across = 0;
            foreach (var e in part.Distinct)
            {
                if (seen.ContainsKey(e.Key))
                {
                    across++;
                    if (repeats.Count < 2 * DuplicateDetector.ExampleCount) repeats.Add(e);
                }
                else
                {
                    seen[e.Key] = e.Name;
                    distinct.Add(e with { Position = rows + e.Position });
                }
            }
            foreach (var e in repeats.OrderBy(e => e.Position).Take(DuplicateDetector.ExampleCount - firsts.Count))
                firsts.Add(e with { Position = rows + e.Position });
            count += part.Count + across;
            rows += part.Rows;
        }
        return new DuplicateLedger(rows, count, distinct, firsts);
    }
}
