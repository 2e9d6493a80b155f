using Spectra.Pipeline;

namespace Spectra.Tests.Pipeline;

public class RowSubsetsTests
{
    private static readonly string?[] Labels = ["b", "a", null, "b", "c", "a", "b", null, "c", "a"];

    /// <summary>The rows of each subset over all rows, as global row numbers, reading the rows in blocks of <paramref name="block"/>.</summary>
    private static long[] Ids(long first, int count) => Enumerable.Range(0, count).Select(i => first + i).ToArray();

    private static Dictionary<RowSubset, List<int>> Members(RowSubsets subsets, int block)
    {
        var result = new Dictionary<RowSubset, List<int>>();
        for (var first = 0; first < Labels.Length; first += block)
        {
            var n = Math.Min(block, Labels.Length - first);
            foreach (var (subset, rows) in subsets.In(Ids(first, n), n, Labels[first..(first + n)], int.MaxValue))
            {
                if (!result.TryGetValue(subset, out var list)) result[subset] = list = new List<int>();
                list.AddRange(rows.Select(r => first + r));
            }
        }
        return result;
    }

    [Fact]
    public void Membership_does_not_depend_on_how_the_rows_are_split()
    {
        var subsets = new RowSubsets(seed: 7, realisations: 4, fraction: 0.5, perClass: true);
        var whole = Members(subsets, Labels.Length);
        foreach (var block in new[] { 1, 3, 4 })
        {
            var split = Members(subsets, block);
            Assert.Equal(whole.Keys.OrderBy(k => k.ToString()), split.Keys.OrderBy(k => k.ToString()));
            foreach (var (subset, rows) in whole) Assert.Equal(rows, split[subset]);
        }
    }

    [Fact]
    public void Classes_take_the_rows_with_their_label_in_order_of_first_appearance()
    {
        var subsets = new RowSubsets(seed: 0, realisations: 0, fraction: 0.5, perClass: true);
        var found = subsets.In(Ids(0, Labels.Length), Labels.Length, Labels, 0).ToList();
        Assert.Equal(["b", "a", "c"], found.Select(f => f.Subset.Label));
        Assert.Equal([0, 3, 6], found[0].Rows);
        Assert.Equal([1, 5, 9], found[1].Rows);
    }

    [Fact]
    public void Realisations_come_first_up_to_the_limit_and_follow_the_seeded_membership()
    {
        var subsets = new RowSubsets(seed: 3, realisations: 5, fraction: 0.5, perClass: false);
        var found = subsets.In(Ids(100, Labels.Length), Labels.Length, Labels, realisationLimit: 2).ToList();
        Assert.Equal([RowSubset.OfRealisation(0), RowSubset.OfRealisation(1)], found.Select(f => f.Subset));
        for (var k = 0; k < 2; k++)
            Assert.Equal(Enumerable.Range(0, Labels.Length).Where(i => SubsampleMembership.Contains(3, k, 100 + i, 0.5)), found[k].Rows);
    }
}
