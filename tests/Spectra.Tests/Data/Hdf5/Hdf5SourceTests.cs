using Spectra.Data.Hdf5;

namespace Spectra.Tests.Data.Hdf5;

/// <summary>
/// HDF5 input on files h5py wrote: tables and image stacks read exactly (contiguous, chunked, gzip and
/// shuffle), the dataset chosen or named, a file larger than the memory budget streamed by hyperslabs,
/// and every malformed file one <see cref="SpectraException"/> naming it.
/// </summary>
public sealed class Hdf5SourceTests(Hdf5Files files) : IClassFixture<Hdf5Files>
{
    private static readonly SpectrumOptions Plain = new() { Realisations = 0 };

    [H5pyFact]
    public void A_float32_table_and_a_chunked_gzip_shuffle_float64_table_read_exactly_as_numpy_wrote_them()
    {
        foreach (var (h5, npy) in new[] { ("f32.h5", "f32.npy"), ("f64gz.h5", "f64.npy") })
        {
            var source = AnalysisRequest.Default.Open(files[h5]);
            Assert.Equal("hdf5", source.Header.Kind);
            var table = AnalysisRequest.Default.Open(files[npy]);
            Assert.Equal(table.Features, source.Features);
            Assert.Equal(Rows(table), Rows(source));

            var expected = SpectrumPipeline.Run(table, Plain).Spectrum.All;
            var actual = SpectrumPipeline.Run(source, Plain).Spectrum.All;
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
                Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-12 * Math.Abs(expected[^1]), $"{h5}: eigenvalue {i}: {actual[i]} against {expected[i]}");
        }
    }

    [H5pyFact]
    public void Image_stacks_are_samples_of_h_w_c_features_in_c_order()
    {
        var three = new Hdf5Source(files["img3.h5"]);
        Assert.Equal(30, three.Features);
        Assert.Equal("u[1,2]", three.FeatureNames![7]);
        var rows = Rows(three);
        Assert.Equal(50, rows.Count);
        for (int i = 0; i < 50; i++)
            for (int j = 0; j < 30; j++)
                Assert.Equal((i * 30 + j) * 0.5, rows[i][j]);

        var four = new Hdf5Source(files["img4.h5"]);
        Assert.Equal(24, four.Features);
        Assert.Equal("v[1,0,1]", four.FeatureNames![7]);
        rows = Rows(four);
        Assert.Equal(40, rows.Count);
        for (int i = 0; i < 40; i++)
            for (int j = 0; j < 24; j++)
                Assert.Equal((i * 24 + j) % 30000 - 15000, rows[i][j]);
    }

    [H5pyFact]
    public void Every_integer_and_float_width_converts_to_the_same_doubles()
    {
        foreach (var type in new[] { "i1", "u1", "i2", "u2", "i4", "u4", "i8", "u8", "f2", "f4", "f8" })
        {
            var rows = Rows(new Hdf5Source(files["types.h5"], new Hdf5SourceOptions { Dataset = type }));
            Assert.Equal(30, rows.Count);
            for (int i = 0; i < 30; i++)
                for (int j = 0; j < 4; j++)
                    Assert.True((i * 4 + j) % 100 == rows[i][j], $"{type}: row {i}, feature {j} is {rows[i][j]}");
        }
    }

    [H5pyFact]
    public void Several_numeric_datasets_need_a_dataset_named_and_a_nested_one_reads()
    {
        var path = files["multi.h5"];
        var e = Assert.Throws<SpectraException>(() => new Hdf5Source(path));
        Assert.Equal(path, e.File);
        Assert.Contains("/a (100 × 5, float64)", e.Message);
        Assert.Contains("/fields/u (80 × 4 × 4, float32)", e.Message);
        Assert.Contains("dataset", e.Hint);
        Assert.DoesNotContain("/names", e.Message);

        var nested = new AnalysisRequest { Dataset = "fields/u" }.Open(path);
        Assert.Equal(16, nested.Features);
        Assert.Equal(80, Rows(nested).Count);
        Assert.Equal(5, new AnalysisRequest { Dataset = "/a" }.Open(path).Features);
        Assert.Equal("/fields/u", new Hdf5Source(path, new Hdf5SourceOptions { Dataset = "//fields//u/" }).Dataset.Path);

        var missing = Assert.Throws<SpectraException>(() => new AnalysisRequest { Dataset = "/fields/w" }.Open(path));
        Assert.Equal(path, missing.File);
        Assert.Contains("'/fields/w'", missing.Message);
        Assert.Contains("/fields/u", missing.Message);
        var group = Assert.Throws<SpectraException>(() => new AnalysisRequest { Dataset = "/fields" }.Open(path));
        Assert.Contains("is a group", group.Message);
    }

    [H5pyFact]
    public void A_file_larger_than_the_memory_budget_streams_by_hyperslabs_and_gives_the_spectrum_of_the_same_array()
    {
        var path = files["big.h5"];
        Assert.True(new FileInfo(path).Length > 24L << 20);
        var expected = SpectrumPipeline.Run(AnalysisRequest.Default.Open(files["big.npy"]), Plain).Spectrum.All;
        using (MemoryBudget.Use(16L << 20))
        {
            var source = AnalysisRequest.Default.Open(path);
            var largest = 0;
            var read = 0L;
            foreach (var chunk in source.ReadChunks(1 << 20))
            {
                largest = Math.Max(largest, chunk.Rows);
                read += chunk.Rows;
            }
            Assert.Equal(Hdf5Files.BigRows, read);
            Assert.True((long)largest * Hdf5Files.BigFeatures * 8 < 8L << 20, $"a chunk of {largest} rows");
            var actual = SpectrumPipeline.Run(source, Plain).Spectrum.All;
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
                Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-12 * Math.Abs(expected[^1]), $"eigenvalue {i}: {actual[i]} against {expected[i]}");
            Assert.Equal(0, MemoryBudget.Current.Reserved);
        }
    }

    [H5pyFact]
    public void A_seeded_subset_and_shards_take_rows_by_their_index_in_the_dataset()
    {
        var path = files["f64gz.h5"];
        var all = Rows(new Hdf5Source(path));
        var source = new Hdf5Source(path, new Hdf5SourceOptions { MaxRows = 40, Seed = 3 });
        var keys = new List<long>();
        var rows = new List<double[]>();
        foreach (var chunk in source.ReadChunks(16))
            for (int i = 0; i < chunk.Rows; i++)
            {
                keys.Add(chunk.Identities![i]);
                rows.Add(chunk.Row(i).ToArray());
                Assert.EndsWith($"f64gz.h5/data#row {chunk.Identities[i]}", chunk.RowName(i, 0));
            }
        Assert.Equal(40, keys.Count);
        Assert.Equal(keys.Order(), keys);
        for (int i = 0; i < keys.Count; i++) Assert.Equal(all[(int)keys[i]], rows[i]);
        Assert.Equal(keys, Keys(new Hdf5Source(path, new Hdf5SourceOptions { MaxRows = 40, Seed = 3 })));
        Assert.NotEqual(keys, Keys(new Hdf5Source(path, new Hdf5SourceOptions { MaxRows = 40, Seed = 4 })));

        var sharded = Enumerable.Range(1, 3).SelectMany(i => Keys(new Hdf5Source(path, new Hdf5SourceOptions { Shard = new ShardSelection(i, 3) }))).ToList();
        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), sharded);
    }

    [H5pyFact]
    public void The_detector_knows_hdf5_by_extension_and_by_signature_also_after_a_user_block()
    {
        Assert.Equal(InputKind.Hdf5, InputDetector.Detect(files["f32.h5"]));
        var bare = files["copy-without-extension"];
        File.Copy(files["f32.h5"], bare, overwrite: true);
        Assert.Equal(InputKind.Hdf5, InputDetector.Detect(bare));
        Assert.Equal(InputKind.Hdf5, InputDetector.Detect(files["ub.data"]));
        Assert.Equal("hdf5", InputDetector.Name(InputKind.Hdf5));
        Assert.Equal(200, Rows(AnalysisRequest.Default.Open(files["ub.data"])).Count);
    }

    [H5pyFact]
    public void Malformed_files_each_give_one_error_naming_the_file()
    {
        var good = File.ReadAllBytes(files["f64gz.h5"]);
        var cases = new List<(string Name, byte[] Bytes)>();
        foreach (var length in new[] { 8, 100, 700, 2048, good.Length / 2, good.Length - 200 })
            cases.Add(($"truncated-{length}.h5", good[..length]));
        var noise = new byte[4096];
        new Random(5).NextBytes(noise);
        new byte[] { 0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(noise, 0);
        cases.Add(("noise.h5", noise));
        var flipped = (byte[])good.Clone();
        var rng = new Random(9);
        for (int i = 0; i < 40; i++) flipped[rng.Next(64, flipped.Length)] ^= (byte)(1 + rng.Next(255));
        cases.Add(("flipped.h5", flipped));
        foreach (var (name, bytes) in cases)
        {
            var path = files[name];
            File.WriteAllBytes(path, bytes);
            var e = Record.Exception(() => Rows(AnalysisRequest.Default.Open(path)));
            if (name == "flipped.h5" && e is null) continue; // flips that land in the data are values, not structure
            var error = Assert.IsType<SpectraException>(e);
            Assert.Equal(path, error.File);
        }
        foreach (var name in new[] { "huge_chunked.h5", "huge_contiguous.h5" })
        {
            var e = Assert.Throws<SpectraException>(() => new Hdf5Source(files[name]));
            Assert.Equal(files[name], e.File);
            Assert.Contains("more than a file of", e.Message);
        }
        Assert.Contains("strings", Assert.Throws<SpectraException>(() => new Hdf5Source(files["strings.h5"])).Message);
        Assert.Contains("no numeric dataset of rank 2", Assert.Throws<SpectraException>(() => new Hdf5Source(files["vector.h5"])).Message);
        Assert.Contains("one-dimensional", Assert.Throws<SpectraException>(() => new Hdf5Source(files["vector.h5"], new Hdf5SourceOptions { Dataset = "v" })).Message);
    }

    /// <summary>
    /// Seeded mutations of h5py's files (flipped bytes, runs of 0xFF where lengths and addresses sit, cuts): each
    /// reads, or fails with one error naming the file, within seconds. SPECTRA_FUZZ_SEED moves the seed.
    /// </summary>
    [H5pyFact]
    public void Mutated_files_read_or_fail_with_one_error_naming_the_file()
    {
        var originals = new[] { ("f64gz.h5", (string?)null), ("multi.h5", "/a"), ("img3.h5", null) }
            .Select(f => (Bytes: File.ReadAllBytes(files[f.Item1]), Dataset: f.Item2)).ToArray();
        var rng = new Random(FuzzSettings.Seed);
        int failed = 0;
        for (int c = 0; c < 600; c++)
        {
            var (original, dataset) = originals[c % originals.Length];
            var bytes = (byte[])original.Clone();
            int metadata = Math.Min(bytes.Length, 4096);
            switch (rng.Next(3))
            {
                case 0:
                    for (int k = rng.Next(1, 9); k > 0; k--) bytes[rng.Next(8, metadata)] ^= (byte)rng.Next(1, 256);
                    break;
                case 1:
                    bytes.AsSpan(rng.Next(8, metadata - 8), rng.Next(1, 9)).Fill(0xFF);
                    break;
                default:
                    bytes = bytes[..rng.Next(8, bytes.Length)];
                    break;
            }
            var path = files[$"mutant-{c % 4}.h5"];
            File.WriteAllBytes(path, bytes);
            var read = Task.Run(() => Record.Exception(() => Rows(new Hdf5Source(path, new Hdf5SourceOptions { Dataset = dataset }))));
            Assert.True(read.Wait(TimeSpan.FromSeconds(20)), $"case {c} (seed {FuzzSettings.Seed}) still reading after 20 s");
            if (read.Result is null) continue;
            var error = Assert.IsType<SpectraException>(read.Result);
            Assert.Equal(path, error.File);
            failed++;
        }
        Assert.True(failed > 100, $"only {failed} of 600 mutants failed: the mutations miss the metadata");
    }

    [H5pyFact]
    public void Options_that_do_not_apply_are_refused_both_ways()
    {
        var resize = Assert.Throws<SpectraException>(() => new AnalysisRequest { Resize = (8, 8) }.Open(files["f32.h5"]));
        Assert.Equal(SpectraErrorKind.InvalidOption, resize.Kind);
        Assert.Contains("resize does not apply to hdf5 input", resize.Message);
        Assert.Contains("columns", Assert.Throws<SpectraException>(() => new AnalysisRequest { Columns = ["x"] }.Open(files["f32.h5"])).Message);
        var digits = Path.Combine(Conformance.ProjectRoot, "data-samples", "digits");
        var dataset = Assert.Throws<SpectraException>(() => new AnalysisRequest { Dataset = "/x" }.Open(digits));
        Assert.Contains("dataset does not apply to images input", dataset.Message);
        Assert.Contains("Hdf5Dataset() does not apply to images input", Assert.Throws<SpectraException>(() => Spectra.Dataset.Load(digits, o => o.Hdf5Dataset("/x"))).Message);
        Assert.Equal(16, Spectra.Dataset.Load(files["multi.h5"], o => o.Hdf5Dataset("/fields/u")).Open().Features);
        Assert.Equal(["dataset"], new AnalysisRequest { Dataset = "/x" }.Inapplicable("parquet"));
        Assert.Empty(new AnalysisRequest { Dataset = "/x" }.Inapplicable("hdf5"));
    }

    private static List<double[]> Rows(IDataSource source)
    {
        var rows = new List<double[]>();
        foreach (var chunk in source.ReadChunks(64))
            for (int i = 0; i < chunk.Rows; i++) rows.Add(chunk.Row(i).ToArray());
        return rows;
    }

    private static List<long> Keys(IDataSource source)
    {
        var keys = new List<long>();
        foreach (var chunk in source.ReadChunks(50))
            for (int i = 0; i < chunk.Rows; i++) keys.Add(chunk.Identities![i]);
        return keys;
    }
}
