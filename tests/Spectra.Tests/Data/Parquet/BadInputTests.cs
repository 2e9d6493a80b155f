namespace Spectra.Tests.Data.Parquet;

/// <summary>
/// Malformed files give one SpectraException naming the file and the place (footer, or row group,
/// column and page), never a crash or a wrong number.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spectra-parquet-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(byte[] bytes, string name = "t.parquet")
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static SpectraException ReadFails(string path, ParquetReadOptions? options = null) =>
        Assert.Throws<SpectraException>(() => ParquetTestRead.Flat(path, "x", options));

    [Fact]
    public void The_tiny_writer_round_trips()
    {
        Assert.Equal([1.0, 2, 3, 4, 5], ParquetTestRead.Flat(Write(new TinyParquetWriter().Build()), "x").Select(v => v!.Value));
        Assert.Equal([1.0, 2, 3, 4, 5], ParquetTestRead.Flat(Write(new TinyParquetWriter { Codec = 2 }.Build()), "x").Select(v => v!.Value));
    }

    [Fact]
    public void Wrong_magic_is_refused_at_the_header()
    {
        var bytes = new TinyParquetWriter().Build();
        bytes[0] = (byte)'X';
        var e = ReadFails(Write(bytes));
        Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
        Assert.Equal("header", e.Location);
        Assert.Contains("magic", e.Message);
    }

    [Fact]
    public void Truncated_file_is_refused_at_the_footer()
    {
        var bytes = new TinyParquetWriter().Build();
        var path = Write(bytes[..^3]);
        var e = ReadFails(path);
        Assert.Equal(path, e.File);
        Assert.Equal("footer", e.Location);
    }

    [Fact]
    public void Too_short_file_is_refused()
    {
        var e = ReadFails(Write("PAR1PAR1"u8.ToArray()));
        Assert.Contains("too few", e.Message);
    }

    [Fact]
    public void Footer_length_past_the_file_is_refused()
    {
        var bytes = new TinyParquetWriter().Build();
        BitConverter.GetBytes(bytes.Length).CopyTo(bytes, bytes.Length - 8);
        var e = ReadFails(Write(bytes));
        Assert.Equal("footer", e.Location);
        Assert.Contains("footer length", e.Message);
    }

    [Fact]
    public void Corrupt_footer_is_refused_at_the_footer()
    {
        var bytes = new TinyParquetWriter().Build();
        int footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        int start = bytes.Length - 8 - footerLength;
        for (int i = start; i < start + footerLength; i++) bytes[i] = 0xFF;
        var e = ReadFails(Write(bytes));
        Assert.StartsWith("footer", e.Location);
    }

    [Fact]
    public void Corrupt_page_header_names_row_group_column_and_page()
    {
        var path = Write(new TinyParquetWriter { PageHeaderOverride = [0x15, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] }.Build());
        var e = ReadFails(path);
        Assert.Equal(path, e.File);
        Assert.Equal("row group 0, column 'x', page 0", e.Location);
        Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
    }

    [Fact]
    public void Uncompressed_size_different_from_the_header_is_refused()
    {
        var e = ReadFails(Write(new TinyParquetWriter { UncompressedSizeInHeader = 24 }.Build()));
        Assert.Equal("row group 0, column 'x', page 0", e.Location);
        Assert.Contains("header says", e.Message);
    }

    [Fact]
    public void Decompressed_size_different_from_the_header_is_refused()
    {
        var e = ReadFails(Write(new TinyParquetWriter { Codec = 2, UncompressedSizeInHeader = 16 }.Build()));
        Assert.Contains("GZIP", e.Message);
        Assert.Equal("row group 0, column 'x', page 0", e.Location);
        var e2 = ReadFails(Write(new TinyParquetWriter { Codec = 2, UncompressedSizeInHeader = 40 }.Build(), "b.parquet"));
        Assert.Contains("GZIP data decompressed to 20 bytes", e2.Message);
    }

    [Fact]
    public void Page_larger_than_its_column_chunk_is_refused()
    {
        var e = ReadFails(Write(new TinyParquetWriter { CompressedSizeInHeader = int.MaxValue }.Build()));
        Assert.Contains("runs past the column chunk", e.Message);
    }

    [Fact]
    public void Column_chunk_larger_than_the_file_is_refused_before_allocating()
    {
        var e = ReadFails(Write(new TinyParquetWriter { ChunkSizeInMetadata = long.MaxValue / 2 }.Build()));
        Assert.Contains("does not fit", e.Message);
        Assert.Equal("row group 0, column 'x'", e.Location);
    }

    [Fact]
    public void Huge_declared_sizes_hit_the_memory_limit_not_the_allocator()
    {
        // 2 GB claimed for a 20-byte page: refused against the limit before any buffer is made.
        var e = ReadFails(Write(new TinyParquetWriter { UncompressedSizeInHeader = int.MaxValue }.Build()),
            new ParquetReadOptions { MemoryLimitBytes = 1 << 20 });
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
        Assert.Equal("row group 0, column 'x', page 0", e.Location);
    }

    [Fact]
    public void More_values_in_a_page_than_the_chunk_declares_is_refused()
    {
        var e = ReadFails(Write(new TinyParquetWriter { NumValuesInPage = 1_000_000 }.Build()));
        Assert.Contains("more than", e.Message);
    }

    [Fact]
    public void Fewer_values_than_the_row_count_is_refused()
    {
        var e = ReadFails(Write(new TinyParquetWriter { NumValuesInPage = 3 }.Build()));
        Assert.Contains("ends after 3", e.Message);
    }

    [Theory]
    [InlineData(3, "LZO")]
    [InlineData(99, "unknown compression codec 99")]
    public void Unsupported_codec_is_an_unsupported_error(int codec, string text)
    {
        var e = ReadFails(Write(new TinyParquetWriter { Codec = codec }.Build()));
        Assert.Equal(SpectraErrorKind.Unsupported, e.Kind);
        Assert.Contains(text, e.Message);
        Assert.Equal("row group 0, column 'x', page 0", e.Location);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(42)]
    public void Unsupported_encoding_is_an_unsupported_error(int encoding)
    {
        var e = ReadFails(Write(new TinyParquetWriter { Encoding = encoding }.Build()));
        Assert.Equal(SpectraErrorKind.Unsupported, e.Kind);
        Assert.Contains("encoding", e.Message);
    }

    [Fact]
    public void Wrong_crc_on_a_written_page_is_refused()
    {
        var e = ReadFails(Write(new TinyParquetWriter { Crc = 12345 }.Build()));
        Assert.Contains("checksum", e.Message);
    }

    [Fact]
    public void Missing_file_is_an_io_error()
    {
        var e = Assert.Throws<SpectraException>(() => ParquetFile.Open(Path.Combine(_dir, "absent.parquet")));
        Assert.Equal(SpectraErrorKind.Io, e.Kind);
    }

    public static TheoryData<string> BadDataFiles()
    {
        var data = new TheoryData<string>();
        if (Conformance.Root is null) { data.Add("absent"); return data; }
        foreach (var f in Directory.GetFiles(Conformance.PathOf("parquet", "parquet-testing", "bad_data"), "*.parquet").OrderBy(x => x, StringComparer.Ordinal))
            if (!f.EndsWith("ARROW-GH-43605.parquet", StringComparison.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(BadDataFiles))]
    public void Every_bad_data_file_is_one_clear_error(string file)
    {
        string path = ParquetTestRead.BadData(file);
        var e = Assert.Throws<SpectraException>(() =>
        {
            using var f = ParquetFile.Open(path);
            f.Verify();
        });
        Assert.Equal(path, e.File);
        Assert.NotNull(e.Location);
        Assert.True(e.Kind is SpectraErrorKind.InvalidInput or SpectraErrorKind.Unsupported, e.Message);
    }

    [ConformanceFact]
    public void Dictionary_indices_of_bit_width_zero_are_legal_and_match_DuckDB()
    {
        // ARROW-GH-43605 crashed a reader, but every one of its 21186 values is equal, and zero bits per index then suffice: the file is valid.
        string path = ParquetTestRead.BadData("ARROW-GH-43605.parquet");
        var values = ParquetTestRead.Flat(path, "min_fl");
        var oracle = System.Text.Json.JsonDocument.Parse(File.ReadAllText(ParquetTestRead.OraclePath("parquet_testing_bad_data_duckdb.json")))
            .RootElement.GetProperty("files").GetProperty("ARROW-GH-43605.parquet").GetProperty("min_fl");
        Assert.Equal(oracle.GetProperty("rows").GetInt32(), values.Length);
        Assert.Equal(oracle.GetProperty("sha256").GetString(), CanonicalValues.HashFlat(values));
    }

    [ConformanceFact]
    public void A_string_map_larger_than_the_memory_limit_is_refused()
    {
        using var f = ParquetFile.Open(ParquetTestRead.Testing("large_string_map.brotli.parquet"), new ParquetReadOptions { MemoryLimitBytes = 64 << 20 });
        var e = Assert.Throws<SpectraException>(f.Verify);
        Assert.Equal(SpectraErrorKind.LimitExceeded, e.Kind);
        Assert.Contains("row group 0, column 'arr.key_value.key'", e.Location);
    }
}
