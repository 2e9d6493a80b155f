using Spectra.Matrices;
using Spectra.Pipeline;

namespace Spectra.Fluent;

/// <summary>Which matrix a <see cref="Dataset"/> decomposes and how rows are prepared, by the CLI's names (--matrix, --no-center, --standardize, --drop-non-finite, --threads).</summary>
public sealed record MatrixSettings
{
    /// <summary>"covariance", "gram" or "auto" (the smaller of the two).</summary>
    public string Matrix { get; init; } = "auto";
    public bool Center { get; init; } = true;
    public bool Standardize { get; init; }
    public bool DropNonFinite { get; init; }
    public int Threads { get; init; }

    /// <summary>Also compute one spectrum per class label (image subfolder, label column).</summary>
    public bool PerClass { get; init; }

    public static MatrixSettings Default { get; } = new();

    /// <summary>The pipeline's options; an unknown matrix name is an error (<paramref name="spell"/> names the setting, see <see cref="SettingsValidation"/>).</summary>
    public SpectrumOptions PipelineOptions(int realisations, int seed, bool detectDuplicates = true, Func<string, string>? spell = null) => new()
    {
        Matrix = this.Validate(spell).Request(spell),
        Preprocess = new PreprocessOptions
        {
            Center = Center,
            Standardize = Standardize,
            NonFinite = DropNonFinite ? NonFinitePolicy.DropRow : NonFinitePolicy.Error,
        },
        Threads = Threads,
        Realisations = realisations,
        PerLabel = PerClass,
        DetectDuplicates = detectDuplicates,
        Seed = seed,
    };
}
