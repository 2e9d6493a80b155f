using System.Buffers.Binary;
using System.Globalization;

namespace Spectra.Cli;

/// <summary>
/// Writes little-endian float64 NumPy arrays (format 1.0). A dataset of M samples × d features is
/// written with shape (M, 1, d): a stack of M one-row "images", which is how the NPY reader takes a
/// stack of samples (a 2-D array would be one image).
/// </summary>
public static class NpyWriter
{
    public static void WriteSamples(string path, double[] rowMajor, int samples, int features) =>
        Write(path, rowMajor, new long[] { samples, 1, features });

    public static void WriteVector(string path, double[] values) => Write(path, values, new long[] { values.Length });

    public static void Write(string path, double[] values, long[] shape)
    {
        var count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != values.Length) throw new ArgumentException($"shape ({string.Join(", ", shape)}) needs {count} values, got {values.Length}");
        var dims = shape.Length == 1 ? shape[0].ToString(CultureInfo.InvariantCulture) + "," : string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture)));
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }";
        var total = 10 + header.Length + 1;
        header += new string(' ', (64 - total % 64) % 64) + "\n";
        try
        {
            using var f = File.Create(path);
            f.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
            Span<byte> len = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16LittleEndian(len, (ushort)header.Length);
            f.Write(len);
            f.Write(Encoding.ASCII.GetBytes(header));
            var buffer = new byte[8 * Math.Min(values.Length, 1 << 16)];
            for (var start = 0; start < values.Length; start += buffer.Length / 8)
            {
                var n = Math.Min(buffer.Length / 8, values.Length - start);
                for (var i = 0; i < n; i++) BinaryPrimitives.WriteDoubleLittleEndian(buffer.AsSpan(8 * i), values[start + i]);
                f.Write(buffer, 0, 8 * n);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot write the file: " + e.Message, path);
        }
    }
}
