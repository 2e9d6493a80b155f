namespace Spectra;

/// <summary>
/// The one memory budget of a run. Everything large a run holds (decode buffers, chunk buffers, held
/// rows, covariance accumulators for the data, its realisations and its classes, resized images) is
/// checked against it before it is allocated, so that a header claiming gigabytes, or options asking
/// for them, cost one clear error instead of the machine. Long-lived buffers are reserved (and given
/// back when the run is done with them); a transient one is only checked against what is left.
/// </summary>
/// <remarks>
/// The budget in force is the innermost <see cref="Use"/> scope of the calling flow (it follows
/// <c>async</c> calls and parallel loops); outside any scope a process-wide budget with the default
/// limit applies.
/// </remarks>
internal sealed class MemoryBudget
{
    /// <summary>Share of the memory available to the process a run may take by default.</summary>
    public const double DefaultShare = 0.5;

    /// <summary>Smallest limit accepted: below it even a small run cannot hold its buffers.</summary>
    public const long MinimumBytes = 16L << 20;

    /// <summary>How a user raises or lowers the limit, and the other ways out, named in every error.</summary>
    public const string Hint = "read fewer samples (--max-samples), make the images smaller (--resize), or raise the limit (--memory-limit) if the machine has the memory";

    private static readonly AsyncLocal<MemoryBudget?> s_current = new();
    private static readonly MemoryBudget s_process = new(0);

    private readonly long _limit;
    private long _reserved;

    private MemoryBudget(long limit) => _limit = limit;

    /// <summary>The budget in force for the calling flow.</summary>
    public static MemoryBudget Current => s_current.Value ?? s_process;

    /// <summary><see cref="DefaultShare"/> of the memory available to the process (physical memory, or a container's limit).</summary>
    public static long DefaultLimit => s_defaultLimit.Value;

    // Read once: it does not change with use, a decode checks the budget for every file, and a
    // collector bound to the budget (BindCollector) would otherwise feed back into it.
    private static readonly Lazy<long> s_defaultLimit =
        new(() => Math.Max(MinimumBytes, (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * DefaultShare)));

    /// <summary>The most this budget lets a run hold at once, in bytes.</summary>
    public long Limit => _limit > 0 ? _limit : DefaultLimit;

    /// <summary>Bytes reserved now by long-lived buffers.</summary>
    public long Reserved => Interlocked.Read(ref _reserved);

    /// <summary>What is left for a further allocation.</summary>
    public long Available => Math.Max(0, Limit - Reserved);

    /// <summary>
    /// Makes a budget of <paramref name="limitBytes"/> (0: the default) the one in force for the calling
    /// flow until the result is disposed.
    /// </summary>
    public static IDisposable Use(long limitBytes)
    {
        if (limitBytes != 0 && limitBytes < MinimumBytes)
            throw new SpectraException(SpectraErrorKind.InvalidOption, $"the memory limit must be at least {Format(MinimumBytes)} (got {limitBytes} bytes)", hint: "e.g. 4G");
        var previous = s_current.Value;
        s_current.Value = new MemoryBudget(limitBytes);
        return new Scope(previous);
    }

    /// <summary>Share of the heap limit <see cref="BindCollector"/> keeps beside the budget for what is not reserved (small objects, garbage not yet collected).</summary>
    public const double CollectorHeadroom = 0.25;

    /// <summary>
    /// Tells the garbage collector to keep the managed heap within the budget and its headroom, so that
    /// garbage left by large buffers is collected rather than kept as resident memory. For a process that
    /// runs one job (the command line); a library caller leaves the collector as its host set it.
    /// </summary>
    public static void BindCollector(long limitBytes)
    {
        long heap = (long)(limitBytes * (1 + CollectorHeadroom)) + (256L << 20);
        AppContext.SetData("GCHeapHardLimit", (ulong)heap);
        GC.RefreshMemoryLimit();
    }

    /// <summary>Throws the budget's error when <paramref name="bytes"/> more would not fit beside what is reserved.</summary>
    /// <param name="what">What would be allocated, as the message names it ("the decoded image (10000 × 10000 pixels)").</param>
    public void Check(double bytes, string what, string? file = null)
    {
        long reserved = Reserved, limit = Limit;
        if (bytes <= limit - reserved) return;
        var held = reserved > 0 ? $" beside the {Format(reserved)} the run already holds" : "";
        throw new SpectraException(SpectraErrorKind.LimitExceeded,
            $"{what} would need {Format(bytes)}{held}, more than the memory limit of {Format(limit)}", file, hint: Hint);
    }

    /// <summary>Checks, then holds <paramref name="bytes"/> against the budget until the reservation is disposed.</summary>
    public Reservation Reserve(long bytes, string what, string? file = null)
    {
        Check(bytes, what, file);
        Interlocked.Add(ref _reserved, bytes);
        return new Reservation(this, bytes);
    }

    /// <summary>Bytes held against a budget; disposing gives them back (once).</summary>
    public sealed class Reservation : IDisposable
    {
        private MemoryBudget? _budget;
        private readonly long _bytes;

        internal Reservation(MemoryBudget budget, long bytes) => (_budget, _bytes) = (budget, bytes);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _budget, null) is { } b) Interlocked.Add(ref b._reserved, -_bytes);
        }
    }

    private sealed class Scope(MemoryBudget? previous) : IDisposable
    {
        public void Dispose() => s_current.Value = previous;
    }

    /// <summary>
    /// A size as a user writes it: a number of bytes, or with a binary unit K, M, G or T (1G = 2^30 bytes;
    /// "4G", "512M", "1.5G", also "4GB", "4GiB"); null when the text is not one.
    /// </summary>
    public static long? ParseSize(string text)
    {
        var t = text.Trim().ToUpperInvariant();
        if (t.EndsWith("IB", StringComparison.Ordinal)) t = t[..^2];
        else if (t.EndsWith('B')) t = t[..^1];
        int shift = t.Length == 0 ? 0 : t[^1] switch { 'K' => 10, 'M' => 20, 'G' => 30, 'T' => 40, _ => 0 };
        if (shift > 0) t = t[..^1];
        if (!double.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) || !(v > 0)) return null;
        var bytes = v * Math.Pow(2, shift);
        return bytes < long.MaxValue / 2 ? (long)bytes : null;
    }

    /// <summary>Bytes in the units a message uses (MB below a gigabyte, GB above; decimal).</summary>
    public static string Format(double bytes) => bytes >= 1e9
        ? (bytes / 1e9).ToString("0.0#", CultureInfo.InvariantCulture) + " GB"
        : (bytes / 1e6).ToString("0.0#", CultureInfo.InvariantCulture) + " MB";
}
