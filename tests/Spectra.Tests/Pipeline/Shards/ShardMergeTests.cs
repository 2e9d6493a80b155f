using Spectra.Pipeline.Shards;

namespace Spectra.Tests.Pipeline.Shards;

/// <summary>
/// A sharded run (accumulate each shard, merge, analyse the merged file) against one run over the same input:
/// the same spectrum (to rounding: sums are added in another order), the same realisations (membership follows a
/// row's stable identity, not its place in a shard), the same duplicates and provenance; bad shard sets are refused by name.
/// </summary>
public sealed class ShardMergeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spectra-shards-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Samples(params string[] parts) => Path.Combine([Conformance.ProjectRoot, "data-samples", .. parts]);

    [ConformanceFact]
    public void Four_shards_of_the_mnist_idx_give_the_single_run()
    {
        var (single, merged) = AssertShardedEqualsSingle(Conformance.PathOf("datasets", "mnist-t10k", "t10k-images-idx3-ubyte.gz"), 4, AnalysisRequest.Default with { Seed = 3 });
        if (!Spectra.LinearAlgebra.ByteRankKUpdate.IsSupported) return;
        // 8-bit pixels are summed as integers, and the files keep them so: four shards merge into the very sums of
        // one pass, and (the same solver on the same threads) the very same levels, bit for bit.
        Assert.Equal(Spectra.LinearAlgebra.ByteRankKUpdate.Name, single.Spectrum.Provenance.Backend.RankKUpdate);
        Assert.Equal(Spectra.LinearAlgebra.ByteRankKUpdate.Name, merged.Spectrum.Provenance.Backend.RankKUpdate);
        Assert.Equal(single.Spectrum.All, merged.Spectrum.All);
        for (var k = 0; k < single.Realisations.Count; k++) Assert.Equal(single.Realisations[k].All, merged.Realisations[k].All);
    }

    [Fact]
    public void Three_shards_of_an_image_folder_give_the_single_run_with_its_classes_and_files()
        => AssertShardedEqualsSingle(Samples("digits"), 3, AnalysisRequest.Default with { PerClass = true, Resize = (8, 8) });

    [Fact]
    public void Shards_of_a_parquet_table_give_the_single_run()
        => AssertShardedEqualsSingle(Samples("embeddings", "embeddings.parquet"), 2, AnalysisRequest.Default);

    [Fact]
    public void Duplicates_within_and_across_shards_are_found_as_one_run_finds_them()
    {
        var rng = new Random(11);
        var rows = Enumerable.Range(0, 200).Select(_ => Enumerable.Range(0, 6).Select(_ => rng.NextDouble()).ToArray()).ToArray();
        rows[150] = rows[10];   // across shards 1 and 3
        rows[180] = rows[160];  // within shard 3
        rows[60] = rows[5];     // within shard 1
        rows[199] = rows[10];   // a second repeat of row 10
        var npy = Path.Combine(_dir, "table.npy");
        WriteNpy(npy, rows);
        var (single, merged) = AssertShardedEqualsSingle(npy, 3, AnalysisRequest.Default);
        Assert.Equal(4, single.Duplicates.Count);
        Assert.Equal((single.Duplicates.Count, single.Duplicates.Rows), (merged.Duplicates.Count, merged.Duplicates.Rows));
        Assert.Equal(4, single.Duplicates.Examples.Count);
        Assert.Equal(single.Duplicates.Examples, merged.Duplicates.Examples);
    }

    [Fact]
    public void Realisation_membership_does_not_depend_on_the_shard_a_row_is_read_in()
    {
        // The same row identity joins the same realisations whatever its position in a read.
        var subsets = new RowSubsets(7, 8, false);
        long[] ids = [5, 17, 123456789, (3L << 32) | 2];
        var whole = subsets.RealisationsIn(ids, ids.Length).Select(s => s.Rows.Select(i => ids[i]).ToArray()).ToList();
        for (var k = 0; k < ids.Length; k++)
        {
            long[] one = [ids[k]];
            var alone = subsets.RealisationsIn(one, 1).Select(s => s.Rows.Length == 1).ToList();
            for (var r = 0; r < 8; r++) Assert.Equal(whole[r].Contains(ids[k]), alone[r]);
        }
    }

    [Fact]
    public void A_missing_shard_is_named()
    {
        var files = Accumulate(Samples("digits"), 4, AnalysisRequest.Default with { Resize = (8, 8) });
        var e = Assert.Throws<SpectraException>(() => Job.Merge([files[0], files[1], files[3]], Path.Combine(_dir, "m.spacc")));
        Assert.Contains("missing", e.Message);
        Assert.Matches(@"missing: shard 3\b", e.Message);
    }

    [Fact]
    public void A_shard_given_twice_is_refused()
    {
        var files = Accumulate(Samples("digits"), 2, AnalysisRequest.Default with { Resize = (8, 8) });
        var copy = Path.Combine(_dir, "copy.spacc");
        File.Copy(files[1], copy);
        var e = Assert.Throws<SpectraException>(() => Job.Merge([files[0], files[1], copy], Path.Combine(_dir, "m.spacc")));
        Assert.Contains("shard 2 of 2 is given twice", e.Message);
    }

    [Fact]
    public void Shards_of_other_options_or_inputs_are_refused()
    {
        var a = Accumulate(Samples("digits"), 2, AnalysisRequest.Default with { Resize = (8, 8) }, "a");
        var b = Accumulate(Samples("digits"), 2, AnalysisRequest.Default with { Resize = (8, 8), Standardize = true }, "b");
        var e = Assert.Throws<SpectraException>(() => Job.Merge([a[0], b[1]], Path.Combine(_dir, "m.spacc")));
        Assert.Contains("different options", e.Message);
        Assert.Contains("standardize", e.Message);
        var c = Accumulate(Samples("fields"), 2, AnalysisRequest.Default with { Resize = (8, 8) }, "c");
        e = Assert.Throws<SpectraException>(() => Job.Merge([a[0], c[1]], Path.Combine(_dir, "m.spacc")));
        Assert.Contains("different inputs", e.Message);
        var n = Accumulate(Samples("digits"), 3, AnalysisRequest.Default with { Resize = (8, 8) }, "n");
        e = Assert.Throws<SpectraException>(() => Job.Merge([a[0], n[1]], Path.Combine(_dir, "m.spacc")));
        Assert.Contains("split into 2 shards", e.Message);
    }

    [Fact]
    public void A_changed_or_truncated_file_is_refused_by_its_checksum()
    {
        var files = Accumulate(Samples("digits"), 2, AnalysisRequest.Default with { Resize = (8, 8) });
        var bytes = File.ReadAllBytes(files[1]);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(files[1], bytes);
        var e = Assert.Throws<SpectraException>(() => Job.Merge(files, Path.Combine(_dir, "m.spacc")));
        Assert.Contains("checksum", e.Message);
        Assert.Equal(files[1], e.File);
        File.WriteAllBytes(files[1], bytes[..100]);
        e = Assert.Throws<SpectraException>(() => Job.Merge(files, Path.Combine(_dir, "m.spacc")));
        Assert.Equal(files[1], e.File);
    }

    [Fact]
    public void Exact_sums_that_8_bit_rows_cannot_make_are_refused_though_the_checksum_matches()
    {
        if (!Spectra.LinearAlgebra.ByteRankKUpdate.IsSupported) return; // such files are written only with the exact path
        var rng = new Random(2);
        var rows = Enumerable.Range(0, 120).Select(_ => Enumerable.Range(0, 6).Select(_ => (double)rng.Next(256)).ToArray()).ToArray();
        var npy = Path.Combine(_dir, "bytes.npy");
        WriteNpy(npy, rows);
        var file = Accumulate(npy, 1, AnalysisRequest.Default)[0];
        var bytes = File.ReadAllBytes(file);
        int json = BitConverter.ToInt32(bytes, 12);
        using var header = System.Text.Json.JsonDocument.Parse(bytes.AsMemory(16, json));
        const int d = 6;
        var main = 16 + json + (header.RootElement.GetProperty("has_range").GetBoolean() ? 16 * d : 0);
        Assert.Equal(1.0, BitConverter.ToDouble(bytes, main + 8)); // raw bytes: the main accumulator is exact, in steps of 1
        // A negative Σ k_0 k_0, with the checksum made again over the changed bytes.
        BitConverter.TryWriteBytes(bytes.AsSpan(main + 16 + 8 * d), -1L);
        System.Security.Cryptography.SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).CopyTo(bytes, bytes.Length - 32);
        File.WriteAllBytes(file, bytes);
        var e = Assert.Throws<SpectraException>(() => Job.Merge([file], Path.Combine(_dir, "m.spacc")));
        Assert.Contains("8-bit products", e.Message);
        Assert.Equal(file, e.File);
    }

    [Fact]
    public void An_incomplete_file_is_not_analysed_and_the_rows_options_are_the_shards()
    {
        var files = Accumulate(Samples("digits"), 2, AnalysisRequest.Default with { Resize = (8, 8) });
        var e = Assert.Throws<SpectraException>(() => Job.Analyze(files[0], AnalysisRequest.Default));
        Assert.Contains("missing", e.Message);
        var merged = Path.Combine(_dir, "m.spacc");
        Job.Merge(files, merged);
        var given = Parameters.Standardize.With(AnalysisRequest.Default, true);
        e = Assert.Throws<SpectraException>(() => Job.Analyze(merged, given));
        Assert.Contains("standardize", e.Message);
        // The shards' resize applies without being repeated.
        Assert.Equal(64, Job.Analyze(merged, AnalysisRequest.Default).Matrix.Features);
    }

    [Fact]
    public void More_shards_than_files_is_refused_by_name()
    {
        var e = Assert.Throws<SpectraException>(() => Accumulate(Samples("fields"), 1000, AnalysisRequest.Default));
        Assert.Contains("shard 1/1000 holds none of the input's 301 files", e.Message);
    }

    private (SpectrumComputation Single, SpectrumComputation Merged) AssertShardedEqualsSingle(string input, int shards, AnalysisRequest request)
    {
        var files = Accumulate(input, shards, request);
        var merged = Path.Combine(_dir, $"merged-{Guid.NewGuid():N}.spacc");
        var header = Job.Merge(files.Reverse().ToArray(), merged);
        Assert.True(header.Complete);
        var single = Job.Analyze(request.Open(input), request);
        var sharded = Job.Analyze(request.Open(merged), request.WithRecorded(AccumulatorSource.RecordedOptions(merged)));
        var (a, b) = (single.Computation, sharded.Computation);
        AssertSameLevels(a.Spectrum.All, b.Spectrum.All, "all rows");
        Assert.Equal(a.Realisations.Count, b.Realisations.Count);
        Assert.True(a.Realisations.Count > 0);
        for (var k = 0; k < a.Realisations.Count; k++) AssertSameLevels(a.Realisations[k].All, b.Realisations[k].All, $"realisation {k}");
        Assert.Equal(a.PerLabel.Keys, b.PerLabel.Keys);
        foreach (var label in a.PerLabel.Keys) AssertSameLevels(a.PerLabel[label].All, b.PerLabel[label].All, $"class {label}");
        Assert.Equal(a.Spectrum.Provenance.Samples, b.Spectrum.Provenance.Samples);
        Assert.Equal(a.Duplicates.Count, b.Duplicates.Count);
        Assert.Equal(a.Source.Files, b.Source.Files);
        Assert.Equal(a.Source.Path, b.Source.Path);
        Assert.Equal(a.Source.Notes, b.Source.Notes);
        Assert.Equal(a.FeatureNames, b.FeatureNames);
        Assert.Equal(single.Report.Verdict.Class, sharded.Report.Verdict.Class);
        return (a, b);
    }

    /// <summary>Sums added in another order agree to rounding: far below 1e-9 of the largest level (SCIENCE: levels below that are the null space's round-off).</summary>
    private static void AssertSameLevels(IReadOnlyList<double> a, IReadOnlyList<double> b, string what)
    {
        Assert.Equal(a.Count, b.Count);
        var scale = a.Max(Math.Abs);
        for (var i = 0; i < a.Count; i++)
            Assert.True(Math.Abs(a[i] - b[i]) <= 1e-9 * scale, $"{what}, eigenvalue {i}: {a[i]} vs {b[i]}");
    }

    private string[] Accumulate(string input, int shards, AnalysisRequest request, string name = "shard")
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, $"{name}-{Guid.NewGuid():N}")).FullName;
        return Enumerable.Range(1, shards).Select(i =>
        {
            var file = Path.Combine(folder, $"shard-{i}.spacc");
            Job.Accumulate([input], request, new ShardSelection(i, shards), file);
            return file;
        }).ToArray();
    }

    private static void WriteNpy(string path, double[][] rows)
    {
        var header = $"{{'descr': '<f8', 'fortran_order': False, 'shape': ({rows.Length}, {rows[0].Length}), }}";
        var total = 10 + header.Length + 1;
        header = header.PadRight(header.Length + (64 - total % 64) % 64) + "\n";
        using var w = new BinaryWriter(File.Create(path));
        w.Write((byte)0x93);
        w.Write("NUMPY"u8);
        w.Write((byte)1);
        w.Write((byte)0);
        w.Write((ushort)header.Length);
        w.Write(Encoding.ASCII.GetBytes(header));
        foreach (var row in rows) foreach (var v in row) w.Write(v);
    }
}
