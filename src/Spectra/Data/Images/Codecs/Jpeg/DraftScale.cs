namespace Spectra.Data.Images.Codecs.Jpeg;

/// <summary>
/// Which reduced scale a JPEG is decoded at when only a smaller image is wanted: the largest s in
/// {1, 2, 4, 8} whose ⌈W/s⌉ × ⌈H/s⌉ still covers the target on both sides (the rule of PIL's
/// <c>Image.draft</c>), so the resize that follows only ever shrinks or keeps, never enlarges.
/// </summary>
internal static class DraftScale
{
    public static int Choose(int width, int height, int targetWidth, int targetHeight)
    {
        for (int s = 8; s > 1; s /= 2)
            if (Reduced(width, s) >= targetWidth && Reduced(height, s) >= targetHeight) return s;
        return 1;
    }

    /// <summary>A side at scale 1/s, rounded up as libjpeg rounds it.</summary>
    public static int Reduced(int side, int s) => (int)(((long)side + s - 1) / s);
}
