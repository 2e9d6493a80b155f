namespace Spectra.LinearAlgebra;

/// <summary>
/// Which kernel computes the covariance's rank-k update for a native library: Spectra's own AVX-512
/// kernel or the library's dsyrk. The choice follows the kernels the loaded library actually runs, so
/// it is the same on every run with the same library and environment (a timed calibration could flip
/// between runs and, with it, the last bits of the covariance).
/// </summary>
internal static class RankKUpdatePath
{
    /// <summary>Environment variable: "blocked" or "library" overrides the choice (for comparisons; "auto" or unset chooses).</summary>
    public const string OverrideVariable = "SPECTRA_RANK_K";

    /// <summary>
    /// OpenBLAS core names whose double-precision kernels use 512-bit vectors. Measured with OpenBLAS 0.3.21
    /// (docs/performance.md): its "Cooperlake" dsyrk is faster than Spectra's kernel; its "Haswell" (AVX2)
    /// dsyrk was about 1.5 times slower on a processor with full-width AVX-512, and 1.2–1.4 times faster on an
    /// AMD EPYC that splits each 512-bit instruction in two.
    /// </summary>
    private static readonly string[] Avx512Cores = { "skylakex", "cooperlake", "sapphirerapids" };

    /// <summary>The decision and why, as shown by <c>spectra info</c>.</summary>
    public sealed record Choice(bool UseBlocked, string Reason)
    {
        public string Name => UseBlocked ? BlockedRankKUpdate.Name : "library";
    }

    /// <summary>
    /// Chooses for a library reporting <paramref name="coreName"/> (null when it names none) on a processor
    /// where the blocked kernel does or does not run, and does or does not split 512-bit instructions
    /// (<see cref="ProcessorTraits.SplitsAvx512"/>), with the override's value (null when unset).
    /// </summary>
    public static Choice Choose(string? coreName, bool blockedSupported, string? overrideValue, bool splitsAvx512 = false)
    {
        if (!blockedSupported) return new Choice(false, "the processor has no AVX-512");
        var forced = overrideValue?.Trim().ToLowerInvariant();
        if (forced == "blocked") return new Choice(true, $"{OverrideVariable}=blocked");
        if (forced == "library") return new Choice(false, $"{OverrideVariable}=library");
        if (forced is { Length: > 0 } and not "auto")
            throw new SpectraException(SpectraErrorKind.InvalidInput, $"{OverrideVariable}={overrideValue} is not one of auto, blocked, library",
                hint: $"unset {OverrideVariable} to let Spectra choose");
        if (coreName is null) return new Choice(true, "the library names no kernel set; Spectra's AVX-512 kernel");
        var core = coreName.Trim();
        if (Array.Exists(Avx512Cores, c => string.Equals(c, core, StringComparison.OrdinalIgnoreCase)))
            return new Choice(false, $"OpenBLAS core {core} has AVX-512 kernels, faster than Spectra's");
        return splitsAvx512
            ? new Choice(false, $"OpenBLAS core {core}; this processor runs 512-bit instructions as two halves, so its AVX2 dsyrk is faster than Spectra's AVX-512 kernel")
            : new Choice(true, $"OpenBLAS core {core} has no AVX-512 kernels; Spectra's is faster");
    }
}
