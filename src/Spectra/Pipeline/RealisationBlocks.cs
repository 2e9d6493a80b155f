namespace Spectra.Pipeline;

/// <summary>
/// The seeded realisations as unions of row blocks: a hash of (seed, the row's stable identity) puts every row
/// in one of <see cref="Count"/> blocks, and realisation k is a seeded half of the blocks, distinct from the
/// others. Each row is then accumulated once, into its block; the main accumulator and every realisation's
/// are merges of block accumulators (exact), so R half-sample realisations cost no more reading than none
/// (R independent half-samples cost R/2 extra passes over the rows). Membership depends neither on chunking
/// nor on which shard read the row.
/// </summary>
internal sealed class RealisationBlocks
{
    /// <summary>Blocks needed beyond this many realisations: C(64, 32) distinct halves is more than any limit.</summary>
    public const int MaxBlocks = 64;

    private readonly int _seed;
    // Realisation k's blocks as the set bits of one word (at most 64 blocks).
    private readonly ulong[] _halves;

    public RealisationBlocks(int seed, int realisations, int blocks)
    {
        if (realisations < 0) throw new ArgumentOutOfRangeException(nameof(realisations));
        if (blocks < 1 || blocks > MaxBlocks || (realisations > 0 && (blocks < 2 || blocks % 2 != 0)))
            throw new ArgumentOutOfRangeException(nameof(blocks), blocks, "an even count of 2 … 64 blocks when there are realisations, else 1");
        if (realisations > Halves(blocks))
            throw new ArgumentOutOfRangeException(nameof(realisations), realisations, $"{blocks} blocks have only {Halves(blocks)} distinct halves");
        _seed = seed;
        Count = blocks;
        Realisations = realisations;
        _halves = ChooseHalves(seed, realisations, blocks);
    }

    /// <summary>The blocks a run of <paramref name="realisations"/> realisations uses when memory allows: one block per realisation (an even count), one in all without realisations.</summary>
    public static int BlocksFor(int realisations) =>
        realisations == 0 ? 1 : Math.Clamp(realisations + realisations % 2, 2, MaxBlocks);

    /// <summary>The most realisations <paramref name="blocks"/> blocks give: their distinct halves, C(B, B/2).</summary>
    public static int Halves(int blocks)
    {
        if (blocks < 2) return 0;
        double c = 1;
        for (var i = 1; i <= blocks / 2; i++) c = c * (blocks / 2 + i) / i;
        return (int)Math.Min(int.MaxValue, Math.Round(c));
    }

    /// <summary>The same seed over <paramref name="blocks"/> blocks (fewer, when memory is short): as many of the realisations as they have distinct halves.</summary>
    public RealisationBlocks WithCount(int blocks) =>
        blocks == Count ? this : new RealisationBlocks(_seed, Math.Min(Realisations, Halves(blocks)), blocks);

    /// <summary>Blocks the rows are split into.</summary>
    public int Count { get; }

    public int Realisations { get; }

    /// <summary>The block of the row with this stable identity.</summary>
    public int BlockOf(long id) => Count == 1 ? 0 : (int)(SplitMix64.Unit(SplitMix64.Mix((ulong)id * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)_seed * 0xD1B54A32D192ED03UL)) * Count);

    /// <summary>The blocks of realisation <paramref name="k"/>, in increasing order.</summary>
    public int[] BlocksOf(int k) => Enumerable.Range(0, Count).Where(b => Holds(k, b)).ToArray();

    /// <summary>Whether realisation <paramref name="k"/> takes block <paramref name="block"/>.</summary>
    public bool Holds(int k, int block) => (_halves[k] >> block & 1) != 0;

    public bool Contains(int k, long id) => Holds(k, BlockOf(id));

    /// <summary>
    /// Realisation k takes the first B/2 blocks of a seeded shuffle (Fisher–Yates from a hash of (seed, k, attempt));
    /// a half already taken is drawn again, so the realisations are distinct halves.
    /// </summary>
    private static ulong[] ChooseHalves(int seed, int realisations, int blocks)
    {
        var chosen = new List<ulong>();
        for (var k = 0; k < realisations; k++)
            for (var attempt = 0L; ; attempt++)
            {
                var order = Enumerable.Range(0, blocks).ToArray();
                var state = ((ulong)(uint)seed << 32 | (uint)k) * 0xD1B54A32D192ED03UL ^ (ulong)attempt * 0x9E3779B97F4A7C15UL;
                for (var i = blocks - 1; i > 0; i--)
                {
                    state = SplitMix64.Mix(state + 0x9E3779B97F4A7C15UL);
                    var j = (int)(SplitMix64.Unit(state) * (i + 1));
                    (order[i], order[j]) = (order[j], order[i]);
                }
                var half = order.Take(blocks / 2).Aggregate(0UL, (mask, b) => mask | 1UL << b);
                if (chosen.Contains(half)) continue;
                chosen.Add(half);
                break;
            }
        return chosen.ToArray();
    }
}
