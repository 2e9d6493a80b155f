namespace Spectra.Pipeline;

/// <summary>A subset of the rows with a spectrum of its own: a seeded realisation (<see cref="Label"/> null) or a class.</summary>
internal readonly record struct RowSubset(int Realisation, string? Label)
{
    public static RowSubset OfRealisation(int k) => new(k, null);
    public static RowSubset OfClass(string label) => new(-1, label);
    public bool IsRealisation => Label is null;
}

/// <summary>
/// The one rule for which rows belong to which subset, for rows held together and for rows streamed
/// through accumulators alike: a row's block, and so the realisations it is in, follow from a hash of (seed,
/// the row's stable identity) (<see cref="RealisationBlocks"/>); a class takes the rows carrying its label.
/// </summary>
internal sealed class RowSubsets(int seed, int realisations, bool perClass)
{
    public int Realisations => realisations;
    public bool PerClass => perClass;

    /// <summary>The realisations' blocks when memory allows them all (a run short of memory may use fewer, <see cref="RowAccumulation"/>).</summary>
    public RealisationBlocks Blocks { get; } = new(seed, realisations, RealisationBlocks.BlocksFor(realisations));

    /// <summary>For each realisation k of <paramref name="blocks"/> (or of <see cref="Blocks"/>), the positions of its rows among <paramref name="count"/> rows with these stable <paramref name="ids"/>.</summary>
    public IEnumerable<(RowSubset Subset, int[] Rows)> RealisationsIn(IReadOnlyList<long> ids, int count, RealisationBlocks? blocks = null)
    {
        var b = blocks ?? Blocks;
        var of = Enumerable.Range(0, count).Select(i => b.BlockOf(ids[i])).ToArray();
        for (var k = 0; k < b.Realisations; k++)
        {
            var realisation = k;
            yield return (RowSubset.OfRealisation(k), Enumerable.Range(0, count).Where(i => b.Holds(realisation, of[i])).ToArray());
        }
    }

    /// <summary>The positions of each block's rows among <paramref name="count"/> rows with these stable <paramref name="ids"/>, block by block.</summary>
    public static int[][] BlockRows(IReadOnlyList<long> ids, int count, RealisationBlocks blocks)
    {
        var sizes = new int[blocks.Count];
        var of = new int[count];
        for (var i = 0; i < count; i++) sizes[of[i] = blocks.BlockOf(ids[i])]++;
        var rows = sizes.Select(n => new int[n]).ToArray();
        var filled = new int[blocks.Count];
        for (var i = 0; i < count; i++) rows[of[i]][filled[of[i]]++] = i;
        return rows;
    }

    /// <summary>The classes among <paramref name="count"/> rows, in order of first appearance, with the positions of their rows (none without <see cref="PerClass"/>).</summary>
    public IEnumerable<(RowSubset Subset, int[] Rows)> ClassesIn(int count, IReadOnlyList<string?> labels)
    {
        if (!perClass) yield break;
        foreach (var label in Enumerable.Range(0, count).Select(i => labels[i]).Where(l => l is not null).Distinct())
            yield return (RowSubset.OfClass(label!), Enumerable.Range(0, count).Where(i => labels[i] == label).ToArray());
    }
}
