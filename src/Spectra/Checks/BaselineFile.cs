namespace Spectra.Checks;

/// <summary>Reads and writes baseline files (JSON, fixed key order, round-trip doubles).</summary>
internal static class BaselineFile
{
    public static void Write(Baseline baseline, string path)
    {
        if (Directory.Exists(path))
            throw new SpectraException(SpectraErrorKind.Io, "the baseline's path is a folder, not a file", path, hint: "give a file name, e.g. " + Path.Combine(path, "baseline.json"));
        try
        {
            File.WriteAllText(path, ToJson(baseline), new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot write the baseline: " + e.Message, path);
        }
    }

    public static string ToJson(Baseline b)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("schema", b.Schema);
            w.WriteStartObject("tool");
            w.WriteString("version", b.ToolVersion);
            w.WriteEndObject();
            w.WriteStartObject("input");
            w.WriteString("path", b.InputPath);
            w.WriteString("kind", b.InputKind);
            if (b.ContentHash is null) w.WriteNull("content_hash"); else w.WriteString("content_hash", b.ContentHash);
            w.WriteEndObject();
            w.WriteStartObject("matrix");
            w.WriteString("requested", b.MatrixRequested);
            w.WriteString("computed", b.MatrixComputed);
            w.WriteNumber("samples", b.Samples);
            w.WriteNumber("features", b.Features);
            w.WriteEndObject();
            w.WriteStartObject("options");
            foreach (var (k, v) in b.Options.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(k, v);
            w.WriteEndObject();
            w.WriteStartObject("bootstrap");
            w.WriteNumber("replicates", b.Replicates);
            w.WriteNumber("seed", b.Seed);
            w.WriteString("method", b.BootstrapMethod);
            if (b.ReplicateSamples is { } rs) WriteNumber(w, "replicate_samples", rs);
            w.WriteEndObject();
            w.WriteStartObject("metrics");
            foreach (var m in b.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(m.Key);
                WriteNumber(w, "value", m.Value);
                if (m.Spread is { } s) WriteNumber(w, "spread", s);
                if (m.Goe is { } g) WriteNumber(w, "goe", g);
                if (m.Poisson is { } p) WriteNumber(w, "poisson", p);
                if (m.ReplicateMean is { } rm) WriteNumber(w, "replicate_mean", rm);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private const string CreateHint = "create one with `spectra baseline PATH -o baseline.json`";
    internal const string RecreateHint = "re-create it with `spectra baseline PATH -o baseline.json`";

    public static Baseline Read(string path) =>
        Parse(RegularFile.ReadText(path, "the baseline", RegularFile.MaxConfigurationBytes, CreateHint), path);

    /// <summary>
    /// Parses a baseline strictly: a duplicate or unknown key, a value of the wrong type or out of range is
    /// an error naming the file and the key, never a silent default. A check against a baseline that does
    /// not say what it seems to say would pass or fail for the wrong reason.
    /// </summary>
    public static Baseline Parse(string text, string path = "baseline")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw SpectraException.Invalid("the baseline is not valid JSON (" + JsonMessages.Reason(e) + ")", path, JsonMessages.Place(e), CreateHint);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw SpectraException.Invalid("the baseline is not a JSON object", path, hint: CreateHint);
            var schema = root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (schema != Baseline.CurrentSchema && schema != Baseline.PreviousSchema)
                throw SpectraException.Invalid(
                    $"the baseline has schema '{schema ?? "(none)"}', this version of spectra reads '{Baseline.CurrentSchema}' and '{Baseline.PreviousSchema}'", path,
                    hint: "re-create the baseline with this version: `spectra baseline PATH -o baseline.json`");
            var r = new StrictJson(path, RecreateHint);
            r.Keys(root, "", "schema", "tool", "input", "matrix", "options", "bootstrap", "metrics");
            var tool = r.Object(root, "tool", "");
            r.Keys(tool, "tool", "version");
            var input = r.Object(root, "input", "");
            r.Keys(input, "input", "path", "kind", "content_hash");
            var matrix = r.Object(root, "matrix", "");
            r.Keys(matrix, "matrix", "requested", "computed", "samples", "features");
            var bootstrap = r.Object(root, "bootstrap", "");
            r.Keys(bootstrap, "bootstrap", "replicates", "seed", "method", "replicate_samples");
            var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in r.Object(root, "options", "").EnumerateObject()) options[p.Name] = r.String(p.Value, "options." + p.Name);
            var metrics = new List<Metric>();
            foreach (var p in r.Object(root, "metrics", "").EnumerateObject())
            {
                var where = "metrics." + p.Name;
                // Schema 1 named two metrics differently; they are read under today's keys (docs/report-schema.md).
                var key = schema == Baseline.PreviousSchema ? MetricTable.Current(p.Name) : p.Name;
                if (!MetricTable.CheckedKeys.Contains(key))
                    throw SpectraException.Invalid($"unknown metric '{p.Name}'", path, "key " + where, "known metrics: " + string.Join(", ", MetricTable.CheckedKeys));
                if (metrics.Any(m => m.Key == key))
                    throw SpectraException.Invalid($"metric '{key}' is given twice (once under its schema 1 name)", path, "key " + where, RecreateHint);
                if (p.Value.ValueKind != JsonValueKind.Object) throw r.Wrong(where, "an object", p.Value);
                r.Keys(p.Value, where, "value", "spread", "goe", "poisson", "replicate_mean");
                var spread = r.OptionalNumber(p.Value, "spread", where);
                if (spread is < 0) throw r.Wrong(where + ".spread", "a number ≥ 0", p.Value.GetProperty("spread"));
                metrics.Add(new Metric(key, r.OptionalNumber(p.Value, "value", where) ?? double.NaN,
                    spread, r.OptionalNumber(p.Value, "goe", where), r.OptionalNumber(p.Value, "poisson", where),
                    r.OptionalNumber(p.Value, "replicate_mean", where)));
            }
            return new Baseline
            {
                Schema = schema,
                ToolVersion = r.String(tool, "version", "tool"),
                InputPath = r.String(input, "path", "input"),
                InputKind = r.String(input, "kind", "input"),
                ContentHash = input.TryGetProperty("content_hash", out var h) && h.ValueKind != JsonValueKind.Null ? r.String(h, "input.content_hash") : null,
                MatrixRequested = r.String(matrix, "requested", "matrix"),
                MatrixComputed = r.String(matrix, "computed", "matrix"),
                Samples = r.Integer(matrix, "samples", "matrix", 0, long.MaxValue),
                Features = (int)r.Integer(matrix, "features", "matrix", 0, int.MaxValue),
                Options = options,
                Replicates = (int)r.Integer(bootstrap, "replicates", "bootstrap", 0, int.MaxValue),
                Seed = (int)r.Integer(bootstrap, "seed", "bootstrap", int.MinValue, int.MaxValue),
                BootstrapMethod = r.String(bootstrap, "method", "bootstrap"),
                ReplicateSamples = r.OptionalNumber(bootstrap, "replicate_samples", "bootstrap"),
                Metrics = metrics,
            };
        }
    }

    /// <summary>Non-finite numbers become null: JSON has no NaN.</summary>
    internal static void WriteNumber(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
