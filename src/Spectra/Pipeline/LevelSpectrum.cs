namespace Spectra.Pipeline;

/// <summary>
/// A list of levels taken as a spectrum without data behind it (a .npy vector, a text file, the
/// levels `spectra simulate goe|poisson` draws). There is no matrix, no M and no d: the
/// Marchenko–Pastur comparison does not apply, and for signed levels (GOE levels are centred on 0)
/// neither do the power law and the entropy, which read eigenvalues of a positive semi-definite matrix.
/// Signed levels are shifted to be positive (the ranker of zero modes keeps positive levels only);
/// the spacing ratio does not depend on the offset, and the unfolding of P(s) and K(τ) fits the shifted staircase.
/// </summary>
internal static class LevelSpectrum
{
    /// <summary>The source kind of a list of levels, and the matrix name its report gives.</summary>
    public const string Kind = "levels";

    public const string PowerLaw = "power_law", Entropy = "entropy", MarchenkoPastur = "marchenko_pastur";

    /// <summary>The spectrum of <paramref name="levels"/> with the analyzers that do not apply to it.</summary>
    public static (SpectrumComputation Computation, IReadOnlyList<string> Inapplicable) From(IReadOnlyList<double> levels, SourceInfo info, int? seed)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(info);
        var values = levels.ToArray();
        var inapplicable = new List<string> { MarchenkoPastur };
        if (Signed(values))
        {
            var shift = 1 - values.Min();
            for (var i = 0; i < values.Length; i++) values[i] += shift;
            info = info with { Notes = [.. info.Notes, $"signed levels shifted by {shift.ToString("G6", CultureInfo.InvariantCulture)} to be positive (the spacing ratio does not depend on the offset); no power law or entropy for them"] };
            inapplicable.Add(PowerLaw);
            inapplicable.Add(Entropy);
        }
        var spectrum = new EigenSpectrum(values, SpectrumProvenance.Synthetic(values.Length) with { Seed = seed });
        return (new SpectrumComputation(spectrum, Array.Empty<EigenSpectrum>(), new Dictionary<string, EigenSpectrum>(), DuplicateRows.None, info, null), inapplicable);
    }

    /// <summary>A list of levels rather than the spectrum of data.</summary>
    public static bool Is(SpectrumComputation c) => c.Source.Kind == Kind;

    /// <summary>
    /// Levels below zero by more than round-off (the zero-mode threshold n·ε·max|λ|): an eigenvalue list
    /// of a covariance may hold −1e-17 for a zero mode, and stays a positive semi-definite spectrum.
    /// </summary>
    private static bool Signed(double[] values)
    {
        var asGiven = new EigenSpectrum(values);
        return asGiven.All[0] < -asGiven.ZeroThreshold;
    }
}
