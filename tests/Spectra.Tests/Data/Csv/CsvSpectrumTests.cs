namespace Spectra.Tests.Data.Csv;

/// <summary>A table saved by numpy as CSV, TSV, .csv.gz, headerless CSV and a 2-D .npy gives one spectrum, through the entry point the command line uses.</summary>
public sealed class CsvSpectrumTests : IDisposable
{
    private const int Rows = 120, Cols = 7;
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private void WriteAll()
    {
        CsvFixtures.Python($$"""
            import numpy as np, gzip, io
            rng = np.random.default_rng(11)
            X = rng.standard_normal(({{Rows}}, {{Cols}})) @ rng.standard_normal(({{Cols}}, {{Cols}}))
            X[:, 2] *= 1e-3
            header = ",".join("x%d" % i for i in range({{Cols}}))
            d = r"{{_dir.Path}}"
            np.save(d + "/x.npy", X)
            np.savetxt(d + "/x.csv", X, delimiter=",", fmt="%.17g", header=header, comments="")
            np.savetxt(d + "/x.tsv", X, delimiter="\t", fmt="%.17g", header=header.replace(",", "\t"), comments="")
            np.savetxt(d + "/plain.csv", X, delimiter=",", fmt="%.17g")
            buf = io.StringIO()
            np.savetxt(buf, X, delimiter=",", fmt="%.17g", header=header, comments="")
            with gzip.open(d + "/x.csv.gz", "wt") as f:
                f.write(buf.getvalue())
            """);
    }

    private static IReadOnlyList<double> Levels(string path)
    {
        var request = new AnalysisRequest { ReferenceDraws = 0 };
        var outcome = Job.Analyze(request.Open(path), request);
        Assert.Equal(Rows, outcome.Computation.Spectrum.Provenance.Samples);
        return outcome.Computation.Spectrum.All;
    }

    private static void AssertSame(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Abs(expected[i]),
                $"{what}: level {i} is {actual[i]:R}, the .npy gives {expected[i]:R}");
    }

    [NumpyFact]
    public void CSV_TSV_gzip_and_headerless_give_the_NPY_spectrum()
    {
        WriteAll();
        var npy = Levels(_dir.File("x.npy"));
        Assert.Equal(Cols, npy.Count);
        foreach (var name in new[] { "x.csv", "x.tsv", "x.csv.gz", "plain.csv" })
        {
            Assert.Equal(InputKind.Csv, InputDetector.Detect(_dir.File(name)));
            AssertSame(npy, Levels(_dir.File(name)), name);
        }
    }

    [NumpyFact]
    public void Header_decides_the_names_and_headerless_reads_every_row()
    {
        WriteAll();
        var named = new CsvSource(_dir.File("x.csv"));
        Assert.Equal(Enumerable.Range(0, Cols).Select(i => "x" + i), named.FeatureNames!);
        var plain = new CsvSource(_dir.File("plain.csv"));
        Assert.Equal(Enumerable.Range(1, Cols).Select(i => "column " + i), plain.FeatureNames!);
        long rows = plain.ReadChunks(16).Sum(c => (long)c.Rows);
        Assert.Equal(Rows, rows);
        var info = named.ReadToEnd();
        Assert.Equal(1, info.Files);
        Assert.Equal(Convert.ToHexStringLower(System.IO.Hashing.XxHash128.Hash(File.ReadAllBytes(_dir.File("x.csv")))), info.ContentHash);
    }

    [NumpyFact]
    public void Shards_accumulated_and_merged_give_the_whole_files_spectrum()
    {
        WriteAll();
        var request = new AnalysisRequest { ReferenceDraws = 0, LabelColumn = null };
        var input = _dir.File("x.csv.gz");
        var files = Enumerable.Range(1, 3).Select(i =>
        {
            var file = _dir.File($"shard-{i}.spacc");
            Job.Accumulate([input], request, new ShardSelection(i, 3), file);
            return file;
        }).ToArray();
        var merged = _dir.File("merged.spacc");
        Assert.True(Job.Merge(files, merged).Complete);
        var sharded = Job.Analyze(request.Open(merged), request.WithRecorded(Spectra.Pipeline.Shards.AccumulatorSource.RecordedOptions(merged)));
        var single = Levels(input);
        var levels = sharded.Computation.Spectrum.All;
        Assert.Equal(single.Count, levels.Count);
        var scale = single.Max(Math.Abs);
        for (int i = 0; i < levels.Count; i++) Assert.True(Math.Abs(single[i] - levels[i]) <= 1e-9 * scale, $"level {i}: {levels[i]:R} against {single[i]:R}");
        Assert.Equal(Rows, sharded.Computation.Spectrum.Provenance.Samples);
    }

    [Fact]
    public void Detector_knows_the_names_and_leaves_text_files_as_levels()
    {
        foreach (var name in new[] { "a.csv", "b.TSV", "c.csv.gz", "d.tsv.gz" })
            Assert.Equal(InputKind.Csv, InputDetector.Detect(_dir.Write(name, "1,2\n3,4\n")));
        Assert.Equal(InputKind.Levels, InputDetector.Detect(_dir.Write("levels.txt", "1\n2\n3\n")));
        Assert.Equal("csv", InputDetector.Name(InputKind.Csv));
    }
}
