namespace Spectra.Data.Images.Codecs.Fallback;

/// <summary>The formats the in-house codecs leave to the native fallback decoder.</summary>
internal enum FallbackFormat
{
    WebP,
    Gif,
    Ico,
    ArithmeticJpeg,
}
