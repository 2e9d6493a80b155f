namespace Spectra.LinearAlgebra;

/// <summary>The backend that computed a result: named in every report.</summary>
/// <param name="Name">"openblas", "mkl", "lapack", "managed".</param>
/// <param name="Library">The shared library's path, or "MathNet.Numerics (managed)".</param>
/// <param name="Version">What the library reports about itself, when it does.</param>
/// <param name="Threads">The thread count in force.</param>
public sealed record BackendInfo(string Name, string Library, string? Version, int Threads)
{
    /// <summary>
    /// What computes the covariance's rank-k update: "avx512-blocked" (Spectra's own kernel, where the
    /// processor has AVX-512), "library" (the native library's dsyrk) or "managed" (plain loops).
    /// </summary>
    public string RankKUpdate { get; init; } = "library";

    /// <summary>Why <see cref="RankKUpdate"/> was chosen (shown by <c>spectra info</c>; not part of reports), or null.</summary>
    public string? RankKUpdateReason { get; init; }

    public static BackendInfo None { get; } = new("none", "", null, 1);

    public override string ToString() => $"{Name} ({Library}{(Version is null ? "" : ", " + Version)}, {Threads} thread{(Threads == 1 ? "" : "s")}; rank-k update: {RankKUpdate})";
}
