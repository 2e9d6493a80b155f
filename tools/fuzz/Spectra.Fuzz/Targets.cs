using Spectra.Data.Images;
using Spectra.Data.Parquet;

namespace Spectra.Fuzz;

/// <summary>What one case does with its mutated bytes: decode every image of it, or read every column of every row group.</summary>
internal static class Targets
{
    public static Action<byte[], string> For(string family) => family == "parquet" ? ReadParquet : DecodeImages;

    private static void DecodeImages(byte[] data, string name)
    {
        var limits = ImageDecodeLimits.Default;
        if (ImageFormats.IsGzip(data)) data = ImageFormats.Gunzip(data, 1 << 26);
        var codec = ImageFormats.Detect(data) ?? throw SpectraException.Invalid("unknown format");
        codec.TryReadHeader(data, limits);
        var stack = codec.Open(data, limits);
        for (int k = 0; k < Math.Min(stack.Header.Count, 4); k++) stack.Decode(k);
    }

    private static void ReadParquet(byte[] data, string name)
    {
        using var f = ParquetFile.Open(data, name, new ParquetReadOptions { MemoryLimitBytes = Runner.AllocationBudget });
        for (int g = 0; g < f.RowGroupCount; g++)
            foreach (var column in f.Schema.Columns)
                f.ReadColumn(g, column);
    }
}
