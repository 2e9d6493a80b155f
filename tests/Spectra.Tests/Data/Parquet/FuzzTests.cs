namespace Spectra.Tests.Data.Parquet;

/// <summary>
/// Seeded mutations of small conformance files (bit flips, byte sets, truncations, footer-length
/// and varint edits): every case either reads or throws SpectraException, within a time and an
/// allocation budget. Count (spread over the seed files) and seed: <see cref="FuzzSettings"/>.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Seeds =
    [
        "generated/duckdb_special_values_v1.parquet", "generated/duckdb_special_values_v2.parquet",
        "parquet-testing/data/alltypes_plain.parquet", "parquet-testing/data/alltypes_dictionary.parquet",
        "parquet-testing/data/alltypes_plain.snappy.parquet", "parquet-testing/data/datapage_v2.snappy.parquet",
        "parquet-testing/data/rle_boolean_encoding.parquet", "parquet-testing/data/list_columns.parquet",
        "parquet-testing/data/nullable.impala.parquet", "parquet-testing/data/byte_stream_split.zstd.parquet",
        "parquet-testing/data/float16_nonzeros_and_nans.parquet", "parquet-testing/data/int32_decimal.parquet",
        "parquet-testing/data/lz4_raw_compressed.parquet", "parquet-testing/data/hadoop_lz4_compressed.parquet",
        "parquet-testing/data/non_hadoop_lz4_compressed.parquet", "parquet-testing/data/concatenated_gzip_members.parquet",
        "parquet-testing/data/page_v2_empty_compressed.parquet", "parquet-testing/data/old_list_structure.parquet",
        "parquet-testing/data/repeated_no_annotation.parquet", "parquet-testing/data/rle-dict-snappy-checksum.parquet",
        "parquet-testing/data/plain-dict-uncompressed-checksum.parquet", "parquet-testing/data/nested_lists.snappy.parquet",
        "parquet-testing/data/datapage_v2_empty_datapage.snappy.parquet", "parquet-testing/data/sort_columns.parquet",
    ];

    private const long AllocationBudget = 64L << 20;

    private static readonly ParquetReadOptions Options = new() { MemoryLimitBytes = 8 << 20 };

    [ConformanceFact]
    public void Mutated_files_only_ever_raise_SpectraException()
    {
        int total = FuzzSettings.Cases, seed = FuzzSettings.Seed;
        int casesPerSeed = Math.Max(1, total / Seeds.Length);
        var inputs = Seeds.Select(s => (Name: s, Bytes: File.ReadAllBytes(Conformance.PathOf(["parquet", .. s.Split('/')])))).ToArray();
        var failures = new List<string>();
        int cases = 0, refused = 0, read = 0;
        long worstAllocation = 0;
        string current = "";
        var worker = new Thread(() =>
        {
            for (int s = 0; s < inputs.Length; s++)
                for (int c = 0; c < casesPerSeed; c++)
                {
                    var rng = new Random(unchecked(seed * 1_000_003 + s * 100_003 + c));
                    var (bytes, what) = Mutate(inputs[s].Bytes, rng);
                    current = $"{inputs[s].Name} seed {seed} case {c} ({what})";
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    try
                    {
                        using var f = ParquetFile.Open(bytes, "fuzz.parquet", Options);
                        f.Verify();
                        for (int g = 0; g < f.RowGroupCount; g++)
                            foreach (var col in f.Schema.Columns.Where(x => x.IsAnalysable)) f.ReadColumn(g, col);
                        read++;
                    }
                    catch (SpectraException e)
                    {
                        refused++;
                        // The reader's catch-all is a safety net only: explicit checks must catch every case first.
                        if (e.Message.Contains("inconsistent (", StringComparison.Ordinal) && failures.Count < 20)
                            failures.Add($"{current}: caught by the safety net, not by a check: {e.Message}");
                        if (string.IsNullOrEmpty(e.File) && failures.Count < 20) failures.Add($"{current}: error without a file: {e.Message}");
                    }
                    catch (Exception e)
                    {
                        if (failures.Count < 20) failures.Add($"{current}: {e.GetType().Name}: {e.Message} at {e.StackTrace?.Split('\n')[0].Trim()}");
                    }
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    worstAllocation = Math.Max(worstAllocation, allocated);
                    if (allocated > AllocationBudget && failures.Count < 20) failures.Add($"{current}: allocated {allocated} bytes");
                    cases++;
                }
        }, 16 << 20);
        var clock = Stopwatch.StartNew();
        worker.Start();
        // 10 ms a case is over five times the measured mean on a loaded two-core machine.
        var limit = FuzzSettings.TimeLimit(casesPerSeed * inputs.Length, TimeSpan.FromMilliseconds(10));
        bool finished = worker.Join(limit);
        Assert.True(finished, $"fuzzing hung or ran past {limit.TotalSeconds:0} s at {current} after {cases} cases");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(casesPerSeed * inputs.Length, cases);
        // Both outcomes must occur, or the mutations are not exercising the decoder (checked once there are enough cases to say).
        if (cases >= 1000) Assert.True(read > cases / 40 && refused > cases / 40, $"read {read}, refused {refused}");
        Assert.True(worstAllocation <= AllocationBudget, $"worst case allocated {worstAllocation} bytes");
        _ = clock;
    }

    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x15, 0x19, 0x1C, 0x26, 0x0F];

    private static (byte[] Bytes, string What) Mutate(byte[] input, Random rng)
    {
        var b = (byte[])input.Clone();
        int footerLength = BitConverter.ToInt32(b, b.Length - 8);
        int footerStart = Math.Clamp(b.Length - 8 - footerLength, 4, b.Length - 8);
        // Half the edits land in the footer, where one byte steers every offset and count.
        int Pos() => rng.Next(2) == 0 ? rng.Next(footerStart, b.Length - 8) : rng.Next(b.Length);
        switch (rng.Next(7))
        {
            case 0:
            {
                int n = 1 + rng.Next(4);
                for (int i = 0; i < n; i++) { int p = Pos(); b[p] ^= (byte)(1 << rng.Next(8)); }
                return (b, $"{n} bit flips");
            }
            case 1:
            {
                int p = Pos();
                b[p] = Interesting[rng.Next(Interesting.Length)];
                return (b, $"byte {p} set");
            }
            case 2:
            {
                int len = rng.Next(b.Length);
                return (b[..len], $"truncated to {len}");
            }
            case 3:
            {
                int v = rng.Next(4) switch { 0 => -1, 1 => int.MaxValue, 2 => footerLength + rng.Next(-16, 17), _ => rng.Next(b.Length + 100) };
                BitConverter.GetBytes(v).CopyTo(b, b.Length - 8);
                return (b, $"footer length {v}");
            }
            case 4:
            {
                // A long varint: inflates a count, a size or an offset.
                int p = Pos();
                int n = Math.Min(1 + rng.Next(5), b.Length - 8 - p);
                for (int i = 0; i < n; i++) b[p + i] = (byte)(i == n - 1 ? rng.Next(0x80) : 0x80 | rng.Next(0x80));
                return (b, $"varint at {p}");
            }
            case 5:
            {
                int p = rng.Next(4, b.Length - 8);
                int n = Math.Min(1 + rng.Next(16), b.Length - 8 - p);
                rng.NextBytes(b.AsSpan(p, n));
                return (b, $"{n} random bytes at {p}");
            }
            default:
            {
                // Remove a span: later offsets now point at the wrong bytes.
                int p = rng.Next(4, b.Length - 8);
                int n = Math.Min(1 + rng.Next(32), b.Length - 8 - p);
                return ([.. b.AsSpan(0, p), .. b.AsSpan(p + n)], $"{n} bytes cut at {p}");
            }
        }
    }
}
