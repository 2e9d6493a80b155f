namespace Spectra.Spectrum;

/// <summary>Which matrix a spectrum belongs to: covariance C = XcᵀXc/M (d × d) or Gram G = XcXcᵀ/d (M × M).</summary>
public enum MatrixKind
{
    Covariance,
    Gram,
}
