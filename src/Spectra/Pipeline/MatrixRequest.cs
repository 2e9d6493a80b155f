namespace Spectra.Pipeline;

/// <summary>The matrix whose spectrum the user asks for.</summary>
public enum MatrixRequest
{
    /// <summary>Feature–feature covariance C = XcᵀXc / M (d × d).</summary>
    Covariance,
    /// <summary>Sample–sample Gram G = XcXcᵀ / d (M × M).</summary>
    Gram,
    /// <summary>Whichever of the two is smaller.</summary>
    Auto,
}
