namespace Spectra.Tests.Data.Images;

/// <summary>Compares a decoded image with a reference decode after bringing both to the same channel layout.</summary>
internal static class ReferenceComparison
{
    /// <summary>
    /// The largest difference, in the reference's levels, between the two images after expanding gray
    /// to RGB and adding an opaque alpha plane where one side has none; null when sizes differ.
    /// Integer comparison: a sample s/M equals r/R exactly when s·R = r·M.
    /// </summary>
    public static double? MaxDifference(DecodedImage mine, DecodedImage reference, out string where, bool ignoreAlpha = false)
    {
        where = "";
        if (mine.Width != reference.Width || mine.Height != reference.Height) { where = $"size {mine.Width}x{mine.Height} vs {reference.Width}x{reference.Height}"; return null; }
        bool color = mine.IsColor || reference.IsColor, alpha = !ignoreAlpha && (mine.HasAlpha || reference.HasAlpha);
        int channels = (color ? 3 : 1) + (alpha ? 1 : 0);
        double worst = 0;
        for (int y = 0; y < mine.Height; y++)
        for (int x = 0; x < mine.Width; x++)
        for (int c = 0; c < channels; c++)
        {
            long a = Sample(mine, y, x, c, color, alpha), b = Sample(reference, y, x, c, color, alpha);
            // Difference measured in the reference's levels.
            double diff = Math.Abs(a * (double)reference.MaxValue / mine.MaxValue - b);
            if (a * reference.MaxValue == b * mine.MaxValue) diff = 0;
            if (diff > worst)
            {
                worst = diff;
                where = $"pixel (y={y}, x={x}, c={c}): {a}/{mine.MaxValue} vs {b}/{reference.MaxValue}";
            }
        }
        return worst;
    }

    private static long Sample(DecodedImage im, int y, int x, int c, bool color, bool alpha)
    {
        bool isAlpha = alpha && c == (color ? 3 : 1);
        int baseIndex = (y * im.Width + x) * im.Channels;
        if (!color && im.IsColor) throw new InvalidOperationException("colour image compared as gray");
        if (isAlpha) return im.HasAlpha ? im.Samples![baseIndex + im.Channels - 1] : im.MaxValue;
        return im.IsColor ? im.Samples![baseIndex + c] : im.Samples![baseIndex];
    }
}
