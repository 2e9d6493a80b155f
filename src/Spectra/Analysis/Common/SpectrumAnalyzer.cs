namespace Spectra.Analysis;

/// <summary>
/// The common shape of an analyzer: immutable options in, a result with a status out. The checks every
/// analyzer needs (no null input, options in range) run here, before <see cref="Run"/>, so an analyzer
/// states only what it computes.
/// </summary>
/// <param name="name">The key in reports ("spacing_ratio", "power_law", ...).</param>
internal abstract class SpectrumAnalyzer<TOptions, TResult>(string name) where TOptions : class where TResult : class
{
    /// <summary>Short name used as the key in reports.</summary>
    public string Name { get; } = name;

    public AnalyzerOutcome<TResult> Analyze(AnalysisInput input, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        return Run(input, options);
    }

    /// <summary>Throws <see cref="SpectraException"/> (InvalidOption) for options out of range.</summary>
    protected virtual void Validate(TOptions options)
    {
    }

    /// <summary>The analysis proper, on checked arguments.</summary>
    protected abstract AnalyzerOutcome<TResult> Run(AnalysisInput input, TOptions options);
}
