using Spectra.Data.Parquet.Images;

namespace Spectra.Tests.Data.Parquet;

/// <summary>
/// Parquet image shards written by DuckDB (tools/fixtures/parquet/make_image_shards.mjs, which reads the
/// image files itself): the rows decode to exactly the samples of the same files read as a folder.
/// </summary>
public sealed class ParquetImageSourceTests
{
    private static string Shard(string name) =>
        Path.Combine(Conformance.ProjectRoot, "tests", "Spectra.Tests", "Data", "Parquet", "Data", "images", name);

    private static string Digits => Path.Combine(Conformance.ProjectRoot, "data-samples", "digits");

    private static (double[] Spectrum, List<double> Values, List<string?> Labels) Read(string path, AnalysisRequest request)
    {
        var source = request.Open(path);
        var values = new List<double>();
        var labels = new List<string?>();
        foreach (var c in source.ReadChunks(97))
        {
            values.AddRange(c.Values.AsSpan(0, c.Rows * c.Columns).ToArray());
            labels.AddRange(c.Labels is null ? new string?[c.Rows] : c.Labels.Take(c.Rows));
        }
        return (Job.Analyze(request.Open(path), request, light: true).Computation.Spectrum.All.ToArray(), values, labels);
    }

    [Fact]
    public void A_hugging_face_struct_shard_gives_the_samples_and_spectrum_of_the_png_folder()
    {
        var shard = Read(Shard("digits_hf.parquet"), new AnalysisRequest { LabelColumn = "label" });
        var folder = Read(Digits, new AnalysisRequest());
        Assert.Equal(500 * 64, shard.Values.Count);
        Assert.Equal(folder.Values, shard.Values);
        Assert.Equal(folder.Spectrum, shard.Spectrum);
        // The folder's label is the first subfolder; the shard's the integer column DuckDB derived from the same path.
        Assert.Equal(folder.Labels, shard.Labels);
        Assert.IsType<ParquetImageSource>(new AnalysisRequest().Open(Shard("digits_hf.parquet")));
    }

    [Fact]
    public void A_binary_column_of_jpegs_is_found_by_its_content_and_decoded_with_color_and_resize()
    {
        var request = new AnalysisRequest { Color = ImageColorMode.Rgb, Resize = (4, 4), LabelColumn = "label" };
        var shard = Read(Shard("digits_jpeg.parquet"), request);
        var folder = Read(Shard("digit-jpegs"), request with { LabelColumn = null });
        Assert.Equal(50 * 4 * 4 * 3, shard.Values.Count);
        Assert.Equal(folder.Values, shard.Values);
        Assert.Equal(folder.Spectrum, shard.Spectrum);
        Assert.Equal(folder.Labels, shard.Labels);
    }

    [Fact]
    public void A_damaged_image_is_one_error_naming_the_file_row_group_and_row()
    {
        var source = new AnalysisRequest().Open(Shard("bad_row.parquet"));
        var e = Assert.Throws<SpectraException>(() => source.ReadToEnd());
        Assert.Equal(SpectraErrorKind.InvalidInput, e.Kind);
        Assert.EndsWith("bad_row.parquet", e.File);
        Assert.Contains("row group 1, row 37 (row 2085 of the file)", e.Location);
        Assert.Contains("column 'image'", e.Message);
    }

    [Fact]
    public void Image_options_apply_to_an_image_shard_only()
    {
        // --resize is refused on a numeric table, as before; accepted on an image shard.
        var embeddings = Path.Combine(Conformance.ProjectRoot, "data-samples", "embeddings");
        var refused = Assert.Throws<SpectraException>(() => new AnalysisRequest { Resize = (4, 4) }.Open(embeddings));
        Assert.Equal(SpectraErrorKind.InvalidOption, refused.Kind);
        Assert.Equal(4 * 4, new AnalysisRequest { Resize = (4, 4) }.Open(Shard("digits_hf.parquet")).Features);
        // Options of a numeric table are refused on an image shard.
        Assert.Equal(["columns"], new AnalysisRequest { Columns = ["x"] }.Inapplicable(AnalysisRequest.ParquetImages));
        var unknown = Assert.Throws<SpectraException>(() => new AnalysisRequest { ImageColumn = "picture" }.Open(Shard("digits_hf.parquet")));
        Assert.Contains("no binary or {bytes, path} image column 'picture' (binary columns: image)", unknown.Message);
    }

    [Fact]
    public void Row_sampling_keeps_a_seeded_subset_in_file_order()
    {
        var request = new AnalysisRequest { MaxSamples = 40, Seed = 3, LabelColumn = "label" };
        var a = Read(Shard("digits_hf.parquet"), request);
        var b = Read(Shard("digits_hf.parquet"), request);
        Assert.Equal(40 * 64, a.Values.Count);
        Assert.Equal(a.Values, b.Values);
        Assert.Equal(a.Labels.OrderBy(l => int.Parse(l!)).ToList(), a.Labels);
    }
}
