using Spectra.Tests.Data.Parquet;

namespace Spectra.Tests.Pipeline;

/// <summary>A run reads its source and never writes into it: each read brings its own summary.</summary>
public class SourceReadSummaryTests
{
    private static readonly SpectrumOptions DropNonFinite = new()
    {
        Realisations = 0,
        Preprocess = PreprocessOptions.Default with { NonFinite = NonFinitePolicy.DropRow },
    };

    private static InMemorySource WithTwoNaNRows()
    {
        var x = TestMatrices.RandomRows(30, 4, 11);
        x[5 * 4 + 1] = double.NaN;
        x[17 * 4] = double.PositiveInfinity;
        return new InMemorySource(x, 30, 4);
    }

    [Fact]
    public void Rows_the_pipeline_drops_are_counted_per_run_and_the_source_header_is_left_as_it_was()
    {
        var source = WithTwoNaNRows();
        var header = source.Header;
        var first = SpectrumPipeline.Run(source, DropNonFinite);
        var second = SpectrumPipeline.Run(source, DropNonFinite);
        Assert.Equal(2, first.Source.DroppedRows);
        Assert.Equal(2, second.Source.DroppedRows);
        Assert.Same(header, source.Header);
        Assert.Empty(source.Header.Notes);
    }

    [Fact]
    public void A_replayed_cached_read_reports_what_the_first_read_found_once()
    {
        var cached = new CachedSource(WithTwoNaNRows());
        var first = SpectrumPipeline.Run(cached, DropNonFinite);
        var replayed = SpectrumPipeline.Run(cached, DropNonFinite);
        Assert.Equal(first.Source, replayed.Source with { Notes = first.Source.Notes, Skipped = first.Source.Skipped });
        Assert.Equal(first.Source.Notes, replayed.Source.Notes);
        Assert.Equal(2, replayed.Source.DroppedRows);
    }

    [Fact]
    public void Header_notes_come_before_the_reads_and_the_runs_own()
    {
        var header = new SourceHeader("p", "k") { Notes = ["set up"], Skipped = [new SkippedItem("a", "bad")] };
        var read = new ReadSummary { Files = 3, ContentHash = "ab", DroppedRows = 1 };
        read.Notes.Add("read");
        read.Skipped.Add(new SkippedItem("a", "bad"));
        read.Skipped.Add(new SkippedItem("b", "worse"));
        var info = SourceInfo.Of(header, read, droppedByReader: 2, readerNotes: ["run"]);
        Assert.Equal(["set up", "read", "run"], info.Notes);
        Assert.Equal(["a", "b"], info.Skipped.Select(s => s.Path));
        Assert.Equal(3, info.DroppedRows);
        Assert.Equal((3, "ab"), (info.Files, info.ContentHash));
    }

    [ConformanceFact]
    public void Parquet_null_handling_notes_do_not_repeat_on_a_second_read()
    {
        var main = ParquetTestRead.Generated("duckdb_main_snappy_v1.parquet");
        foreach (var nulls in new[] { NullPolicy.MeanImpute, NullPolicy.DropRow })
        {
            var source = new ParquetSource(main, new ParquetSourceOptions { Columns = ["f64n"], Nulls = nulls });
            var headerNotes = source.Header.Notes.Count;
            var runs = Enumerable.Range(0, 2).Select(_ => SpectrumPipeline.Run(source, new SpectrumOptions { Realisations = 0 })).ToList();
            Assert.Equal(runs[0].Source.Notes, runs[1].Source.Notes);
            Assert.Equal(runs[0].Source.DroppedRows, runs[1].Source.DroppedRows);
            var nullNotes = runs[1].Source.Notes.Where(n => n.Contains("null") || n.Contains("mean imputation")).ToList();
            Assert.Equal(nulls == NullPolicy.MeanImpute ? 2 : 1, nullNotes.Count);
            Assert.Equal(nullNotes.Count, nullNotes.Distinct().Count());
            Assert.Equal(headerNotes, source.Header.Notes.Count);
        }
    }
}
