namespace Spectra.Matrices;

/// <summary>What to do with a row that holds NaN or an infinity.</summary>
public enum NonFinitePolicy
{
    /// <summary>Stop with an error naming the row and column (default: silently wrong numbers are worse).</summary>
    Error,
    /// <summary>Drop the row and count it in the result.</summary>
    DropRow,
}

/// <summary>
/// How rows become a matrix (SCIENCE.md §1). Centre each feature (default on); standardise to unit
/// variance (default off: it turns the covariance into a correlation matrix, and zero-variance
/// features are then dropped and reported). Whitening is deliberately not offered.
/// </summary>
public sealed record PreprocessOptions
{
    public bool Center { get; init; } = true;
    public bool Standardize { get; init; }
    public NonFinitePolicy NonFinite { get; init; } = NonFinitePolicy.Error;

    public static PreprocessOptions Default { get; } = new();
}
