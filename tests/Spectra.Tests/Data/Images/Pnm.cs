namespace Spectra.Tests.Data.Images;

/// <summary>Writes tiny binary Netpbm files for source tests (the simplest format to produce by hand).</summary>
internal static class Pnm
{
    public static byte[] Gray(int w, int h, int max, params int[] values) => Make("P5", w, h, max, values);

    public static byte[] Rgb(int w, int h, int max, params int[] values) => Make("P6", w, h, max, values);

    private static byte[] Make(string magic, int w, int h, int max, int[] values)
    {
        var header = System.Text.Encoding.ASCII.GetBytes($"{magic}\n{w} {h}\n{max}\n");
        var body = max > 255 ? values.SelectMany(v => new[] { (byte)(v >> 8), (byte)v }).ToArray() : values.Select(v => (byte)v).ToArray();
        return header.Concat(body).ToArray();
    }
}
