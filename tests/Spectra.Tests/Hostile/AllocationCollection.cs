namespace Spectra.Tests.Hostile;

/// <summary>
/// Tests that bound what a run allocates in the whole process (sources decode on pool threads):
/// they run alone, so no other test's allocations enter the measurement.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "process allocation";

    /// <summary>
    /// Far below what every hostile header here would have cost (0.8 GB and more for a row of 10⁸ pixels
    /// or its decode buffers), far above what refusing it takes.
    /// </summary>
    public const long Bound = 64L << 20;

    /// <summary>Bytes the process allocated while <paramref name="action"/> ran.</summary>
    public static long Allocated(Action action)
    {
        long before = GC.GetTotalAllocatedBytes(precise: true);
        action();
        return GC.GetTotalAllocatedBytes(precise: true) - before;
    }
}
