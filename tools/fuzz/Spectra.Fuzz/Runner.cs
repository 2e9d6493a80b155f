using System.Diagnostics;

namespace Spectra.Fuzz;

/// <summary>
/// Runs a family's cases one after another on a worker thread, under a watchdog (a case over
/// <see cref="TimeBudget"/> is slow; one that does not finish stops the run) and an allocation budget
/// (the run's memory budget is set to it, and a case allocating more is heavy). Any exception other
/// than <see cref="SpectraException"/> is an escape. Inputs that escape, are slow or heavy are kept.
/// </summary>
public sealed class Runner(string family, List<(string Name, byte[] Bytes)> seeds, int seed, string? keep, TimeSpan? progress = null)
{
    public const long AllocationBudget = 64L << 20;
    public static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(5);

    public sealed record Summary(string Family, long Cases, long Decoded, long Rejected, long Escapes, long Slow, long Heavy,
        long WorstBytes, string WorstBytesCase, double WorstMs, string WorstMsCase, double Seconds, List<string> Findings);

    private long _started = -1, _startTicks, _done;

    public Summary Run(long cases)
    {
        var target = Targets.For(family, seeds);
        long decoded = 0, rejected = 0, escapes = 0, slow = 0, heavy = 0, worstBytes = 0;
        double worstMs = 0;
        string worstBytesCase = "", worstMsCase = "";
        var findings = new List<string>();
        var clock = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            using var budget = MemoryBudget.Use(AllocationBudget);
            for (long i = 0; i < cases; i++)
            {
                var (name, original) = seeds[(int)(i % seeds.Count)];
                var rng = new Random(CaseSeed.Of(seed, i));
                var (bytes, how) = Seeds.IsText(family) || (family == "cli" && !CliTarget.IsImage(name))
                    ? TextMutator.Mutate(original, rng)
                    : Mutator.Mutate(original, name.EndsWith(".png", StringComparison.Ordinal), rng);
                string label = $"{family} case {i} ({name}, {how})";
                Volatile.Write(ref _startTicks, Stopwatch.GetTimestamp());
                Volatile.Write(ref _started, i);
                var outcome = Attempt(target, bytes, name);
                double ms = outcome.Ms;
                long allocated = outcome.Bytes;
                string? escaped = outcome.Escape;
                if (escaped is null && outcome.Decoded) decoded++;
                else if (escaped is null) rejected++;
                Volatile.Write(ref _started, -1);
                Volatile.Write(ref _done, i + 1);
                if (allocated > worstBytes) (worstBytes, worstBytesCase) = (allocated, label);
                if (ms > worstMs) (worstMs, worstMsCase) = (ms, label);
                string? finding = null;
                if (escaped is not null) { escapes++; finding = $"escape: {label}: {escaped}"; }
                else if (ms > TimeBudget.TotalMilliseconds) { slow++; finding = $"slow: {label}: {ms:0} ms"; }
                else if (allocated > AllocationBudget) { heavy++; finding = $"heavy: {label}: {allocated} bytes"; }
                if (finding is not null)
                {
                    lock (findings) findings.Add(finding);
                    Console.WriteLine("  " + finding);
                    Keep(bytes, name, i);
                }
            }
        }) { IsBackground = true, Name = "fuzz " + family };
        worker.Start();
        var lastReport = Stopwatch.GetTimestamp();
        while (!worker.Join(250))
        {
            // A long run reports its progress, so a run stopped early still says how far it got.
            if (progress is not null && Stopwatch.GetElapsedTime(lastReport) > progress.Value)
            {
                lastReport = Stopwatch.GetTimestamp();
                long done = Volatile.Read(ref _done);
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{family,-8} {done} cases in {clock.Elapsed.TotalSeconds:0} s ({done / clock.Elapsed.TotalSeconds:0} per s), {findings.Count} findings"));
            }
            long current = Volatile.Read(ref _started);
            if (current >= 0 && Stopwatch.GetElapsedTime(Volatile.Read(ref _startTicks)) > 4 * TimeBudget)
            {
                lock (findings) findings.Add($"hang: {family} case {current} ran over {4 * TimeBudget.TotalSeconds:0} s; the run stops");
                slow++;
                break;
            }
        }
        return new Summary(family, cases, decoded, rejected, escapes, slow, heavy, worstBytes, worstBytesCase, worstMs, worstMsCase,
            clock.Elapsed.TotalSeconds, findings);
    }

    /// <summary>What one case did: read or refused, or escaped with what; its time and its allocation.</summary>
    public sealed record Outcome(bool Decoded, string? Escape, double Ms, long Bytes);

    /// <summary>
    /// Runs one case. Allocation is counted over the whole process (a case may decode on pool threads);
    /// cases run one at a time, so what else allocates meanwhile (the watchdog) is negligible.
    /// </summary>
    public static Outcome Attempt(Action<byte[], string> target, byte[] bytes, string name)
    {
        long before = GC.GetTotalAllocatedBytes(precise: false);
        long t0 = Stopwatch.GetTimestamp();
        bool decoded = false;
        string? escaped = null;
        try
        {
            target(bytes, name);
            decoded = true;
        }
        catch (SpectraException)
        {
        }
        catch (Exception e)
        {
            escaped = $"{e.GetType().Name}: {e.Message}";
        }
        return new Outcome(decoded, escaped, Stopwatch.GetElapsedTime(t0).TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: false) - before);
    }

    private void Keep(byte[] bytes, string name, long index)
    {
        if (keep is null) return;
        Directory.CreateDirectory(keep);
        File.WriteAllBytes(Path.Combine(keep, $"{family}-{seed}-{index}-{name}"), bytes);
    }
}
