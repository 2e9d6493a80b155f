namespace Spectra.Fluent;

/// <summary>The spectrum of a <see cref="Dataset"/> without level statistics: renders as a rank plot with the provenance.</summary>
[TypeFormatterSource(PreferredMimeTypes = new[] { "text/html" })]
public sealed class DatasetSpectrum
{
    internal DatasetSpectrum(string name, SpectrumComputation computation)
    {
        Name = name;
        Computation = computation;
    }

    public string Name { get; }
    public SpectrumComputation Computation { get; }
    public EigenSpectrum Spectrum => Computation.Spectrum;

    /// <summary>One spectrum per class label (when the dataset was asked <see cref="Dataset.PerClass"/>).</summary>
    public IReadOnlyDictionary<string, EigenSpectrum> PerClass => Computation.PerLabel;

    /// <summary>Non-zero eigenvalues, largest first.</summary>
    public double[] Descending() => Spectrum.Descending();

    public override string ToString()
    {
        var p = Spectrum.Provenance;
        return string.Create(CultureInfo.InvariantCulture,
            $"{Name}: {Spectrum.Count} eigenvalues of the {Lower(p.Requested)} matrix ({p.Samples} samples × {p.Features} features), {Spectrum.ZeroModes} zero modes, λ_max = {(Spectrum.NonZero.Count > 0 ? Spectrum.NonZero[^1] : 0):G4}");
    }

    internal static string Lower(MatrixKind k) => k == MatrixKind.Gram ? "gram" : "covariance";
}
