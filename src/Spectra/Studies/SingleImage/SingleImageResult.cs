namespace Spectra.Studies.SingleImage;

/// <summary>One image's spectrum, or why it was left out.</summary>
/// <param name="Skipped">Null when the image entered the aggregate; otherwise the reason ("not enough levels: …").</param>
public sealed record ImageSpectrum(string Name, int NonZeroLevels, HeadlineStatistics? Statistics, string? Skipped);

/// <summary>⟨r̃⟩ of non-overlapping k-spacings of the unfolded bulk, pooled over the images, against GOE and Poisson levels of the same counts.</summary>
/// <param name="Z">(data − GOE reference) / √(se² + se_ref²).</param>
public sealed record OrderRatio(int Order, int Count, double Mean, double StandardError, double GoeMean, double GoeStandardError,
    double PoissonMean, double PoissonStandardError, double Z, bool DepartsFromGoe);

/// <param name="Height">Pixel rows of each image matrix.</param>
/// <param name="Columns">Columns of each image matrix (width × channels).</param>
/// <param name="Used">Images that entered the aggregate.</param>
/// <param name="Alpha">Spread over images of the power-law exponent.</param>
/// <param name="NormalizedEntropy">Spread over images of S / ln n.</param>
/// <param name="Orders">k = 1 … K.</param>
/// <param name="DepartureOrder">Smallest k whose ⟨r̃⟩ departs from GOE; null when none does.</param>
public sealed record SingleImageResult(int Images, int Height, int Columns, int Used, IReadOnlyList<ImageSpectrum> PerImage,
    Spread Alpha, Spread NormalizedEntropy, IReadOnlyList<OrderRatio> Orders, int? DepartureOrder, string Summary);
