namespace Spectra.Tests.Pipeline;

public class RowSubsetsTests
{
    private static readonly string?[] Labels = ["b", "a", null, "b", "c", "a", "b", null, "c", "a"];

    private static long[] Ids(long first, int count) => Enumerable.Range(0, count).Select(i => first + i).ToArray();

    /// <summary>The rows of each subset over all rows, as global row numbers, reading the rows in blocks of <paramref name="block"/>.</summary>
    private static Dictionary<RowSubset, List<int>> Members(RowSubsets subsets, int block)
    {
        var result = new Dictionary<RowSubset, List<int>>();
        for (var first = 0; first < Labels.Length; first += block)
        {
            var n = Math.Min(block, Labels.Length - first);
            foreach (var (subset, rows) in subsets.RealisationsIn(Ids(first, n), n).Concat(subsets.ClassesIn(n, Labels[first..(first + n)])))
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
        var subsets = new RowSubsets(seed: 7, realisations: 4, perClass: true);
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
        var subsets = new RowSubsets(seed: 0, realisations: 0, perClass: true);
        var found = subsets.ClassesIn(Labels.Length, Labels).ToList();
        Assert.Equal(["b", "a", "c"], found.Select(f => f.Subset.Label));
        Assert.Equal([0, 3, 6], found[0].Rows);
        Assert.Equal([1, 5, 9], found[1].Rows);
    }

    [Fact]
    public void A_realisation_takes_exactly_the_rows_of_its_blocks()
    {
        var subsets = new RowSubsets(seed: 3, realisations: 5, perClass: false);
        var ids = Ids(100, 500);
        var blockRows = RowSubsets.BlockRows(ids, ids.Length, subsets.Blocks);
        Assert.Equal(Enumerable.Range(0, ids.Length), blockRows.SelectMany(r => r).Order());
        foreach (var (subset, rows) in subsets.RealisationsIn(ids, ids.Length))
            Assert.Equal(subsets.Blocks.BlocksOf(subset.Realisation).SelectMany(b => blockRows[b]).Order(), rows);
    }
}
