using System.Text;
using System.Text.Json;

namespace Spectra.Checks;

/// <summary>Reads and writes baseline files (JSON, fixed key order, round-trip doubles).</summary>
public static class BaselineFile
{
    public static void Write(Baseline baseline, string path)
    {
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

    public static Baseline Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot read the baseline: " + e.Message, path,
                hint: "create one with `spectra baseline PATH -o baseline.json`");
        }
        return Parse(text, path);
    }

    public static Baseline Parse(string text, string path = "baseline")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw SpectraException.Invalid("the baseline is not valid JSON (" + e.Message + ")", path,
                hint: "create one with `spectra baseline PATH -o baseline.json`");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw SpectraException.Invalid("the baseline is not a JSON object", path);
            var schema = root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (schema != Baseline.CurrentSchema)
                throw SpectraException.Invalid(
                    $"the baseline has schema '{schema ?? "(none)"}', this version of spectra reads '{Baseline.CurrentSchema}'", path,
                    hint: "re-create the baseline with this version: `spectra baseline PATH -o baseline.json`");
            try
            {
                var input = root.GetProperty("input");
                var matrix = root.GetProperty("matrix");
                var bootstrap = root.GetProperty("bootstrap");
                var options = new SortedDictionary<string, string>(StringComparer.Ordinal);
                foreach (var p in root.GetProperty("options").EnumerateObject()) options[p.Name] = p.Value.GetString() ?? "";
                var metrics = new List<Metric>();
                foreach (var p in root.GetProperty("metrics").EnumerateObject())
                    metrics.Add(new Metric(p.Name, Optional(p.Value, "value") ?? double.NaN,
                        Optional(p.Value, "spread"), Optional(p.Value, "goe"), Optional(p.Value, "poisson"), Optional(p.Value, "replicate_mean")));
                return new Baseline
                {
                    Schema = schema,
                    ToolVersion = root.GetProperty("tool").GetProperty("version").GetString() ?? "",
                    InputPath = input.GetProperty("path").GetString() ?? "",
                    InputKind = input.GetProperty("kind").GetString() ?? "",
                    ContentHash = input.TryGetProperty("content_hash", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null,
                    MatrixRequested = matrix.GetProperty("requested").GetString() ?? "",
                    MatrixComputed = matrix.GetProperty("computed").GetString() ?? "",
                    Samples = matrix.GetProperty("samples").GetInt64(),
                    Features = matrix.GetProperty("features").GetInt32(),
                    Options = options,
                    Replicates = bootstrap.GetProperty("replicates").GetInt32(),
                    Seed = bootstrap.GetProperty("seed").GetInt32(),
                    BootstrapMethod = bootstrap.GetProperty("method").GetString() ?? "",
                    ReplicateSamples = Optional(bootstrap, "replicate_samples"),
                    Metrics = metrics,
                };
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw SpectraException.Invalid("the baseline is incomplete or has a wrong type (" + e.Message + ")", path,
                    hint: "re-create it with `spectra baseline PATH -o baseline.json`");
            }
        }
    }

    private static double? Optional(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    /// <summary>Non-finite numbers become null: JSON has no NaN.</summary>
    internal static void WriteNumber(Utf8JsonWriter w, string name, double v)
    {
        if (double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }
}
