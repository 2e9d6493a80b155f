namespace Spectra.Data.Images;

/// <summary>What a header says: the size of each image, its channels, and how many images the file holds.</summary>
internal readonly record struct ImageHeader(int Width, int Height, int Channels, int Count = 1);
