namespace Spectra.Data.Images;

/// <summary>
/// A source whose samples are pictures of one size: feature (y · Width + x) · Channels + c is channel c of pixel
/// (y, x). Studies use it to draw a vector of features (an eigenvector) as the picture it is.
/// </summary>
internal interface IImageShaped
{
    ImageShape Shape { get; }
}

/// <summary>Width × height pixels of <paramref name="Channels"/> features each (1 gray, 3 RGB).</summary>
internal sealed record ImageShape(int Width, int Height, int Channels);
