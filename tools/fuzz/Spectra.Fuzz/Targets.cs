using Spectra.Data.Images;
using Spectra.Data.Parquet;

namespace Spectra.Fuzz;

/// <summary>What one case does with its mutated bytes: decode every image of it, or read every column of every row group.</summary>
public static class Targets
{
    public static Action<byte[], string> For(string family, List<(string Name, byte[] Bytes)> seeds) => family switch
    {
        "parquet" => ReadParquet,
        "folder" => (bytes, name) => ReadFolder(bytes, name, seeds),
        "baseline" => ConfigTargets.ParseBaseline,
        "rules" => ConfigTargets.ParseRules(Spectra.Checks.BaselineFile.Parse(
            System.Text.Encoding.UTF8.GetString(Seeds.For("baseline", Seeds.Root).First().Bytes))),
        "cli" => new CliTarget(seeds).Run,
        "csv" => ReadCsv,
        _ => DecodeImages,
    };

    /// <summary>
    /// End to end: a folder of pristine digits and one mutated file read with skip-invalid must finish,
    /// list the mutated file if it was not read, and analyse the rest. Anything else is thrown as an escape.
    /// </summary>
    private static void ReadFolder(byte[] mutated, string name, List<(string Name, byte[] Bytes)> seeds)
    {
        var folder = Directory.CreateTempSubdirectory("spectra-fuzz-").FullName;
        try
        {
            for (int i = 0; i < 6; i++) File.WriteAllBytes(Path.Combine(folder, $"good{i}.png"), seeds[i % seeds.Count].Bytes);
            File.WriteAllBytes(Path.Combine(folder, "mutated.png"), mutated);
            var source = new ImageFolderSource(folder, new ImageSourceOptions { SkipInvalid = true, ResizeWidth = 8, ResizeHeight = 8 });
            var spectrum = Spectra.Pipeline.SpectrumPipeline.Run(source, new Spectra.Pipeline.SpectrumOptions { Realisations = 0 });
            bool listed = spectrum.Source.Skipped.Any(s => s.Path == "mutated.png");
            long samples = spectrum.Spectrum.Provenance.Samples;
            if (samples != (listed ? 6 : 7)) throw new InvalidOperationException($"{samples} samples read, the mutated file {(listed ? "" : "not ")}listed as skipped");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

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

    // Every null policy and a label column, so that each path through a record is taken.
    private static void ReadCsv(byte[] data, string name)
    {
        var path = Path.Combine(Path.GetTempPath(), $"spectra-fuzz-{Guid.NewGuid():N}-{name}");
        try
        {
            File.WriteAllBytes(path, data);
            foreach (var nulls in new[] { NullPolicy.Error, NullPolicy.DropRow, NullPolicy.MeanImpute })
            {
                try
                {
                    var source = new Spectra.Data.Csv.CsvSource(path, new Spectra.Data.Csv.CsvSourceOptions { Nulls = nulls, LabelColumn = nulls == NullPolicy.DropRow ? "1" : null });
                    foreach (var _ in source.ReadChunks(2, new Spectra.Data.ReadSummary())) { }
                }
                catch (SpectraException) when (nulls != NullPolicy.MeanImpute)
                {
                }
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
