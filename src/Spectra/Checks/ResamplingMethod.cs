namespace Spectra.Checks;

/// <summary>How a baseline's replicates are drawn from the rows (described by <see cref="BaselineBuilder.Describe"/>).</summary>
public enum ResamplingMethod
{
    HalfSample,
    Poisson,
}
