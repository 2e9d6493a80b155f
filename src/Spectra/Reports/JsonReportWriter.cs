using System.Text.Encodings.Web;

namespace Spectra.Reports;

/// <summary>
/// Writes a <see cref="ReportDocument"/> as the versioned JSON report (docs/report-schema.md):
/// snake_case keys in a fixed order, doubles in shortest round-trip form, null for a number that
/// could not be computed. The same document gives the same bytes.
/// </summary>
internal static class JsonReportWriter
{
    /// <param name="more">Writes further sections after "verdict" (a check writes its own there, see CheckJsonWriter).</param>
    public static string Write(ReportDocument r, Action<Utf8JsonWriter>? more = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", r.Schema);
            w.WriteStartObject("tool");
            w.WriteString("version", r.ToolVersion);
            w.WriteEndObject();
            WriteInput(w, r.Input);
            WriteMatrix(w, r.Matrix);
            w.WriteStartObject("backend");
            w.WriteString("name", r.Backend.Name);
            w.WriteString("library", r.Backend.Library);
            Str(w, "version", r.Backend.Version);
            w.WriteNumber("threads", r.Backend.Threads);
            w.WriteString("rank_k_update", r.Backend.RankKUpdate);
            w.WriteEndObject();
            w.WriteStartObject("options");
            foreach (var (k, v) in r.Options.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(k, v);
            w.WriteEndObject();
            WriteSpectrum(w, r.Spectrum);
            WriteAnalyzers(w, r);
            w.WriteStartArray("references");
            foreach (var x in r.References)
            {
                w.WriteStartObject();
                w.WriteString("key", x.Key);
                Num(w, "observed", x.Observed);
                w.WriteString("basis", x.Basis);
                Num(w, "goe_mean", x.GoeMean);
                Num(w, "goe_spread", x.GoeSpread);
                Num(w, "poisson_mean", x.PoissonMean);
                Num(w, "poisson_spread", x.PoissonSpread);
                w.WriteString("verdict", x.Verdict);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("verdict");
            w.WriteString("class", r.Verdict.Class);
            w.WriteString("summary", r.Verdict.Summary);
            Num(w, "position", r.Verdict.Position);
            Num(w, "p_goe", r.Verdict.PGoe);
            Num(w, "p_poisson", r.Verdict.PPoisson);
            w.WriteString("basis", r.Verdict.Basis);
            w.WriteEndObject();
            more?.Invoke(w);
            w.WriteStartObject("timings");
            foreach (var (k, v) in r.Timings.OrderBy(p => p.Key, StringComparer.Ordinal)) Num(w, k + "_ms", v);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteInput(Utf8JsonWriter w, InputSection i)
    {
        w.WriteStartObject("input");
        w.WriteString("path", i.Path);
        w.WriteString("kind", i.Kind);
        w.WriteNumber("files", i.Files);
        w.WriteStartArray("skipped");
        foreach (var s in i.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("path", s.Path);
            w.WriteString("reason", s.Reason);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Str(w, "content_hash", i.ContentHash);
        Str(w, "content_hash_algorithm", i.ContentHashAlgorithm);
        w.WriteNumber("dropped_rows", i.DroppedRows);
        w.WriteStartObject("duplicates");
        w.WriteNumber("count", i.DuplicateCount);
        Num(w, "rate", i.DuplicateRate);
        w.WriteStartArray("examples");
        foreach (var d in i.DuplicateExamples)
        {
            w.WriteStartObject();
            w.WriteString("first", d.First);
            w.WriteString("duplicate", d.Duplicate);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("notes");
        foreach (var n in i.Notes) w.WriteStringValue(n);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMatrix(Utf8JsonWriter w, MatrixSection m)
    {
        w.WriteStartObject("matrix");
        w.WriteString("requested", m.Requested);
        w.WriteString("computed", m.Computed);
        w.WriteNumber("samples", m.Samples);
        w.WriteNumber("features", m.Features);
        w.WriteBoolean("centered", m.Centered);
        w.WriteBoolean("standardized", m.Standardized);
        w.WriteNumber("dropped_features", m.DroppedFeatures);
        w.WriteNumber("dropped_rows", m.DroppedRows);
        w.WriteBoolean("fewer_samples_than_features", m.FewerSamplesThanFeatures);
        w.WriteEndObject();
    }

    private static void WriteSpectrum(Utf8JsonWriter w, SpectrumSection s)
    {
        w.WriteStartObject("spectrum");
        w.WriteNumber("count", s.Eigenvalues.Count);
        w.WriteNumber("zero_modes", s.ZeroModes);
        Num(w, "zero_threshold", s.ZeroThreshold);
        w.WriteNumber("non_zero", s.NonZero);
        w.WriteStartObject("bulk");
        w.WriteNumber("k_top", s.KTop);
        w.WriteNumber("k_bottom", s.KBottom);
        w.WriteNumber("count", s.BulkCount);
        w.WriteEndObject();
        Array(w, "eigenvalues", s.Eigenvalues);
        w.WriteStartArray("realisations");
        foreach (var levels in s.Realisations)
        {
            w.WriteStartArray();
            foreach (var v in levels) w.WriteNumberValue(v);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteAnalyzers(Utf8JsonWriter w, ReportDocument r)
    {
        Section(w, "power_law", r.PowerLaw, p =>
        {
            Num(w, "alpha", p.Alpha);
            Num(w, "r2", p.R2);
            Num(w, "ci_low", p.CiLow);
            Num(w, "ci_high", p.CiHigh);
            Num(w, "standard_error", p.StandardError);
            w.WriteNumber("fit_first", p.FitFirst);
            w.WriteNumber("fit_last", p.FitLast);
            Num(w, "intercept", p.Intercept);
            Section(w, "tail", p.Tail, t =>
            {
                Num(w, "implied_alpha", t.ImpliedAlpha);
                Num(w, "implied_alpha_se", t.ImpliedAlphaStandardError);
                Num(w, "exponent", t.Exponent);
                Num(w, "x_min", t.XMin);
                w.WriteNumber("tail_count", t.TailCount);
                Num(w, "ks_distance", t.KsDistance);
                Num(w, "gof_p", t.GoodnessOfFitP);
                w.WriteBoolean("agrees_with_ols", t.AgreesWithOls);
            });
        });

        Section(w, "spacing_ratio", r.SpacingRatio, sr =>
        {
            Num(w, "mean", sr.Mean);
            Num(w, "se", sr.Se);
            Num(w, "goe_position", sr.GoePosition);
            Num(w, "goe_reference", sr.GoeReference);
            Num(w, "poisson_reference", sr.PoissonReference);
            Hist(w, sr.Histogram);
        });

        Section(w, "spacing_distribution", r.SpacingDistribution, sp =>
        {
            Num(w, "kl_goe", sp.KlGoe);
            Num(w, "kl_poisson", sp.KlPoisson);
            Num(w, "js_goe", sp.JsGoe);
            Num(w, "js_poisson", sp.JsPoisson);
            Num(w, "ks_goe", sp.KsGoe);
            Num(w, "ks_poisson", sp.KsPoisson);
            Hist(w, sp.Histogram);
        });

        Section(w, "form_factor", r.FormFactor, ff =>
        {
            Num(w, "thouless_time", ff.ThoulessTime);
            Num(w, "thouless_time_spread", ff.ThoulessTimeSpread);
            Str(w, "thouless_time_reason", ff.ThoulessReason);
            w.WriteNumber("realisations", ff.Realisations);
            Array(w, "tau", ff.Tau);
            Array(w, "k", ff.K);
            if (ff.Connected is not null) Array(w, "k_connected", ff.Connected);
            if (ff.ConnectedError is not null) Array(w, "k_connected_error", ff.ConnectedError);
            Num(w, "tau_defined", ff.ConnectedDefinedFrom);
        });

        Section(w, "entropy", r.Entropy, e =>
        {
            Num(w, "value", e.Value);
            Num(w, "normalized", e.Normalized);
            Num(w, "effective_rank", e.EffectiveRank);
        });

        Section(w, "marchenko_pastur", r.MarchenkoPastur, mp =>
        {
            Num(w, "q", mp.Q);
            Num(w, "sigma2", mp.Sigma2);
            Num(w, "lambda_minus", mp.LambdaMinus);
            Num(w, "lambda_plus", mp.LambdaPlus);
            w.WriteNumber("above_edge", mp.AboveEdge);
        });
    }

    /// <summary>An object, or null when its analysis did not run or does not apply.</summary>
    private static void Section<T>(Utf8JsonWriter w, string name, T? value, Action<T> body) where T : class
    {
        if (value is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        body(value);
        w.WriteEndObject();
    }

    private static void Hist(Utf8JsonWriter w, Histogram? h)
    {
        if (h is null) { w.WriteNull("histogram"); return; }
        w.WriteStartObject("histogram");
        Array(w, "edges", h.Edges);
        Array(w, "density", h.Density);
        w.WriteEndObject();
    }

    private static void Array(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
            if (double.IsFinite(v)) w.WriteNumberValue(v); else w.WriteNullValue();
        w.WriteEndArray();
    }

    private static void Num(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x && double.IsFinite(x)) w.WriteNumber(name, x); else w.WriteNull(name);
    }

    private static void Str(Utf8JsonWriter w, string name, string? v)
    {
        if (v is null) w.WriteNull(name); else w.WriteString(name, v);
    }
}
