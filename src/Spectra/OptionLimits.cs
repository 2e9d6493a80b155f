namespace Spectra;

/// <summary>
/// Upper bounds of the options that set a run's work or memory, declared once for every front end.
/// Each is far above what a reading needs (the defaults are 8 realisations, 10 reference draws, 20
/// replicates) and low enough that a typo such as 1000000000 is an error, not a week of work. Memory
/// is bounded separately, by the run's <see cref="MemoryBudget"/>.
/// </summary>
internal static class OptionLimits
{
    /// <summary>Random half-subsample spectra the form factor averages over (each one more eigensolve).</summary>
    public const int MaxSffRealisations = 1000;

    /// <summary>GOE and Poisson draws of the data's size for the finite-size references.</summary>
    public const int MaxReferenceDraws = 1000;

    /// <summary>A baseline's resampled replicates (each one more analysis of the data).</summary>
    public const int MaxReplicates = 1000;

    /// <summary>Native linear-algebra threads.</summary>
    public const int MaxThreads = 256;

    /// <summary>Pixels of a resized image (width × height), the decoders' default pixel limit.</summary>
    public const long MaxResizePixels = 100_000_000;
}
