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
/// through accumulators alike: realisation k takes a row when a hash of (seed, k, the row's stable identity)
/// says so, so membership depends neither on chunking nor on which shard read the row; a class takes the rows
/// carrying its label.
/// </summary>
internal sealed class RowSubsets(int seed, int realisations, double fraction, bool perClass)
{
    public int Realisations => realisations;
    public bool PerClass => perClass;

    /// <summary>
    /// The subsets a block of <paramref name="count"/> kept rows (with their stable <paramref name="ids"/>)
    /// touches, with the block's rows in each: realisations 0 … <paramref name="realisationLimit"/> − 1
    /// first, then classes in the order they first appear. Subsets the block has no row of are left out for classes only.
    /// </summary>
    public IEnumerable<(RowSubset Subset, int[] Rows)> In(IReadOnlyList<long> ids, int count, IReadOnlyList<string?> labels, int realisationLimit)
    {
        for (var k = 0; k < Math.Min(realisations, realisationLimit); k++)
        {
            var members = new List<int>();
            for (var i = 0; i < count; i++)
                if (SubsampleMembership.Contains(seed, k, ids[i], fraction)) members.Add(i);
            yield return (RowSubset.OfRealisation(k), members.ToArray());
        }
        if (!perClass) yield break;
        foreach (var label in Enumerable.Range(0, count).Select(i => labels[i]).Where(l => l is not null).Distinct())
            yield return (RowSubset.OfClass(label!), Enumerable.Range(0, count).Where(i => labels[i] == label).ToArray());
    }
}
