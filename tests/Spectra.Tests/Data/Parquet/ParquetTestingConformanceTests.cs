namespace Spectra.Tests.Data.Parquet;

/// <summary>
/// The Apache parquet-testing files: numeric and list-of-numeric columns against DuckDB's reading
/// of them (Oracles/parquet_testing_duckdb.json, from tools/fixtures/parquet/dump_oracles.mjs), the
/// upstream *_expect.csv files and READMEs; refused files raise one clear error.
/// </summary>
public sealed class ParquetTestingConformanceTests
{
    private static readonly Lazy<JsonElement> Oracle = new(() =>
        JsonDocument.Parse(File.ReadAllText(ParquetTestRead.OraclePath("parquet_testing_duckdb.json"))).RootElement);

    public static TheoryData<string, string> OracleColumns()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Oracle.Value.GetProperty("files").EnumerateObject())
        {
            // DuckDB does not verify page checksums; those files are tested for their error below.
            if (file.Value.TryGetProperty("error", out _) || file.Name.Contains("corrupt-checksum", StringComparison.Ordinal)) continue;
            foreach (var col in file.Value.EnumerateObject())
                if (!col.Value.TryGetProperty("error", out _)) data.Add(file.Name, col.Name);
        }
        return data;
    }

    [ConformanceTheory]
    [MemberData(nameof(OracleColumns))]
    public void Column_matches_DuckDB_bit_for_bit(string file, string column)
    {
        var expected = Oracle.Value.GetProperty("files").GetProperty(file).GetProperty(column);
        string path = ParquetTestRead.Testing(file);
        using var f = ParquetFile.Open(path);
        var col = f.Schema.Find(column);
        Assert.NotNull(col);
        Assert.True(col!.IsAnalysable, $"{column} is {col.Use}: {col.SkipReason}");
        string hash;
        if (col.Use == ColumnUse.NumericList)
        {
            var rows = ParquetTestRead.Lists(path, column);
            Assert.Equal(expected.GetProperty("rows").GetInt32(), rows.Length);
            Assert.Equal(expected.GetProperty("nulls").GetInt32(), rows.Count(r => r is null));
            hash = CanonicalValues.HashLists(rows);
        }
        else
        {
            var values = ParquetTestRead.Flat(path, column);
            Assert.Equal(expected.GetProperty("rows").GetInt32(), values.Length);
            Assert.Equal(expected.GetProperty("nulls").GetInt32(), values.Count(v => v is null));
            hash = CanonicalValues.HashFlat(values);
        }
        Assert.Equal(expected.GetProperty("sha256").GetString(), hash);
    }

    [ConformanceFact]
    public void Every_column_Spectra_analyses_in_an_oracle_file_has_an_oracle()
    {
        foreach (var file in Oracle.Value.GetProperty("files").EnumerateObject())
        {
            if (file.Value.TryGetProperty("error", out _)) continue;
            using var f = ParquetFile.Open(ParquetTestRead.Testing(file.Name));
            foreach (var c in f.Schema.Columns.Where(c => c.IsAnalysable))
                Assert.True(file.Value.TryGetProperty(c.Name, out _), $"{file.Name}: {c.Path} has no DuckDB oracle");
        }
    }

    [ConformanceTheory]
    [InlineData("datapage_v1-corrupt-checksum.parquet", "a", 0)]
    [InlineData("datapage_v1-corrupt-checksum.parquet", "b", 1)]
    [InlineData("rle-dict-uncompressed-corrupt-checksum.parquet", "long_field", 0)]
    public void Corrupt_page_checksum_is_one_clear_error_naming_column_and_page(string file, string column, int page)
    {
        string path = ParquetTestRead.Testing(file);
        var e = Assert.Throws<SpectraException>(() => ParquetTestRead.Flat(path, column));
        Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
        Assert.Equal(path, e.File);
        Assert.Equal($"row group 0, column '{column}', page {page}", e.Location);
        Assert.Contains("checksum mismatch", e.Message);
        // With verification off the same bytes decode to DuckDB's values: the checksum alone is what fails.
        var expected = Oracle.Value.GetProperty("files").GetProperty(file).GetProperty(column).GetProperty("sha256").GetString();
        var values = ParquetTestRead.Flat(path, column, new ParquetReadOptions { VerifyChecksums = false });
        Assert.Equal(expected, CanonicalValues.HashFlat(values));
    }

    [ConformanceTheory]
    [InlineData("datapage_v1-uncompressed-checksum.parquet")]
    [InlineData("datapage_v1-snappy-compressed-checksum.parquet")]
    [InlineData("plain-dict-uncompressed-checksum.parquet")]
    [InlineData("rle-dict-snappy-checksum.parquet")]
    public void Files_with_correct_checksums_verify(string file)
    {
        using var f = ParquetFile.Open(ParquetTestRead.Testing(file));
        f.Verify();
    }

    [ConformanceTheory]
    [InlineData("encrypt_columns_plaintext_footer.parquet.encrypted")]
    [InlineData("uniform_encryption.parquet.encrypted")]
    public void Encrypted_files_are_refused_as_unsupported(string file)
    {
        var e = Assert.Throws<SpectraException>(() => ParquetFile.Open(ParquetTestRead.Testing(file)));
        Assert.Equal(SpectraErrorKind.Unsupported, e.Kind);
        Assert.Contains("encrypted", e.Message);
        Assert.Equal("footer", e.Location);
    }

    [ConformanceTheory]
    [InlineData("float16")]
    [InlineData("float")]
    [InlineData("double")]
    [InlineData("int32")]
    [InlineData("int64")]
    [InlineData("decimal")]
    public void Byte_stream_split_decodes_every_type_to_the_plain_twin(string type)
    {
        // The file stores each column twice, PLAIN and BYTE_STREAM_SPLIT (upstream README); DuckDB reads the PLAIN ones.
        string path = ParquetTestRead.Testing("byte_stream_split_extended.gzip.parquet");
        var plain = ParquetTestRead.Flat(path, type + "_plain");
        var split = ParquetTestRead.Flat(path, type + "_byte_stream_split");
        Assert.Equal(200, plain.Length);
        Assert.Equal(CanonicalValues.HashFlat(plain), CanonicalValues.HashFlat(split));
        var oracle = Oracle.Value.GetProperty("files").GetProperty("byte_stream_split_extended.gzip.parquet").GetProperty(type + "_plain");
        Assert.Equal(oracle.GetProperty("sha256").GetString(), CanonicalValues.HashFlat(plain));
    }

    [ConformanceTheory]
    [InlineData("hadoop_lz4_compressed.parquet")]
    [InlineData("non_hadoop_lz4_compressed.parquet")]
    public void Legacy_lz4_files_match_the_lz4_raw_file(string file)
    {
        // The three small LZ4 files hold the same table; DuckDB reads only the LZ4_RAW one.
        foreach (var column in new[] { "c0", "v11" })
        {
            var legacy = ParquetTestRead.Flat(ParquetTestRead.Testing(file), column);
            var oracle = Oracle.Value.GetProperty("files").GetProperty("lz4_raw_compressed.parquet").GetProperty(column);
            Assert.Equal(oracle.GetProperty("sha256").GetString(), CanonicalValues.HashFlat(legacy));
        }
        Assert.Equal(ParquetTestRead.Text(ParquetTestRead.Testing("lz4_raw_compressed.parquet"), "c1"),
            ParquetTestRead.Text(ParquetTestRead.Testing(file), "c1"));
    }

    [ConformanceFact]
    public void Larger_hadoop_lz4_file_matches_the_lz4_raw_file()
    {
        var legacy = ParquetTestRead.Text(ParquetTestRead.Testing("hadoop_lz4_compressed_larger.parquet"), "a");
        var raw = ParquetTestRead.Text(ParquetTestRead.Testing("lz4_raw_compressed_larger.parquet"), "a");
        Assert.Equal(10000, legacy.Length);
        Assert.Equal(raw, legacy);
        Assert.Equal("c7ce6bef-d5b0-4863-b199-8ea8c7fb117b", legacy[0]);
    }

    [ConformanceFact]
    public void List_beside_maps_reads_as_the_upstream_description_says()
    {
        // map_no_value.md: my_list holds [1,2,3], [4,5,6], [7,8,9]; the two maps are skipped.
        string path = ParquetTestRead.Testing("map_no_value.parquet");
        var rows = ParquetTestRead.Lists(path, "my_list");
        Assert.Equal(new double?[]?[] { [1, 2, 3], [4, 5, 6], [7, 8, 9] }, rows);
        using var f = ParquetFile.Open(path);
        Assert.All(f.Schema.Columns.Where(c => c.Name.StartsWith("my_map", StringComparison.Ordinal)),
            c => Assert.Equal(ColumnUse.Skipped, c.Use));
    }

    [ConformanceTheory]
    [InlineData("int96_from_spark.parquet", "a", "INT96")]
    [InlineData("alltypes_plain.parquet", "timestamp_col", "INT96")]
    [InlineData("nested_structs.rust.parquet", "roll_num.min", "nested struct")]
    [InlineData("nulls.snappy.parquet", "b_struct.b_c_int", "nested struct")]
    [InlineData("nullable.impala.parquet", "int_map.map.key", "map")]
    [InlineData("list_columns.parquet", "utf8_list.list.item", "strings")]
    [InlineData("fixed_length_byte_array.parquet", "flba_field", "fixed-length binary")]
    [InlineData("unknown-logical-type.parquet", "column with unknown type", "unknown logical type")]
    public void Unanalysed_columns_are_listed_as_skipped_with_a_reason(string file, string path, string reason)
    {
        using var f = ParquetFile.Open(ParquetTestRead.Testing(file));
        var c = f.Schema.Columns.Single(x => x.Path == path);
        Assert.Equal(ColumnUse.Skipped, c.Use);
        Assert.Contains(reason, c.SkipReason);
        var e = Assert.Throws<SpectraException>(() => f.ReadColumn(0, c));
        Assert.Equal(SpectraErrorKind.Unsupported, e.Kind);
    }

    [ConformanceTheory]
    [InlineData("alltypes_plain.parquet", "string_col")]
    [InlineData("delta_encoding_required_column.parquet", "c_email_address:")]
    public void String_columns_are_label_candidates(string file, string path)
    {
        using var f = ParquetFile.Open(ParquetTestRead.Testing(file));
        Assert.Equal(ColumnUse.Text, f.Schema.Columns.Single(x => x.Path == path).Use);
    }

    [ConformanceTheory]
    [InlineData("delta_binary_packed")]
    [InlineData("delta_encoding_optional_column")]
    [InlineData("delta_encoding_required_column")]
    public void Delta_encoded_files_match_their_expect_csv(string name)
    {
        string path = ParquetTestRead.Testing(name + ".parquet");
        var lines = File.ReadAllLines(ParquetTestRead.Testing(name + "_expect.csv"));
        var rows = lines.Skip(1).Select(SimpleCsv.Split).ToList();
        using var f = ParquetFile.Open(path);
        Assert.Equal(rows.Count, f.RowCount);
        for (int c = 0; c < f.Schema.Columns.Count; c++)
        {
            var col = f.Schema.Columns[c];
            var data = f.ReadColumn(0, col);
            for (int r = 0; r < rows.Count; r++)
            {
                string cell = rows[r][c];
                if (col.Use == ColumnUse.Text)
                    Assert.Equal(cell.Length == 0 ? null : cell, data.Strings![r]);
                else if (cell.Length == 0)
                    Assert.True(data.Nulls![r], $"{col.Path} row {r} should be null");
                else
                    Assert.Equal((double)long.Parse(cell, System.Globalization.CultureInfo.InvariantCulture), data.Values[r]);
            }
        }
    }
}
