namespace Spectra.Checks;

/// <summary>
/// Reads values from a JSON configuration file (a baseline) strictly: a missing key, an unknown key or a
/// value of the wrong type or range is an error naming the file and the key's dotted path.
/// </summary>
internal readonly struct StrictJson(string file, string hint)
{
    public void Keys(JsonElement obj, string where, params string[] known)
    {
        foreach (var p in obj.EnumerateObject())
            if (Array.IndexOf(known, p.Name) < 0)
                throw SpectraException.Invalid($"unknown key '{p.Name}'", file, Place(Join(where, p.Name)), "known keys here: " + string.Join(", ", known));
    }

    public JsonElement Object(JsonElement obj, string name, string where)
    {
        var v = Required(obj, name, where);
        return v.ValueKind == JsonValueKind.Object ? v : throw Wrong(Join(where, name), "an object", v);
    }

    public string String(JsonElement obj, string name, string where) => String(Required(obj, name, where), Join(where, name));

    public string String(JsonElement v, string key) =>
        v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Wrong(key, "a string", v);

    public long Integer(JsonElement obj, string name, string where, long min, long max)
    {
        var v = Required(obj, name, where);
        return v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var i) && i >= min && i <= max
            ? i
            : throw Wrong(Join(where, name), min == 0 ? "an integer ≥ 0" : "an integer", v);
    }

    /// <summary>A number, or null / absent (how a non-finite value is written).</summary>
    public double? OptionalNumber(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        return v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw Wrong(Join(where, name), "a number or null", v);
    }

    public SpectraException Wrong(string key, string expected, JsonElement got) =>
        SpectraException.Invalid($"must be {expected} (got {Shown(got)})", file, Place(key), hint);

    private JsonElement Required(JsonElement obj, string name, string where) =>
        obj.TryGetProperty(name, out var v) ? v : throw SpectraException.Invalid($"the key '{name}' is missing", file, Place(where.Length == 0 ? name : where), hint);

    private static string Place(string key) => "key " + key;

    private static string Join(string where, string name) => where.Length == 0 ? name : where + "." + name;

    /// <summary>The offending value as written, cut short: a baseline can hold anything.</summary>
    private static string Shown(JsonElement v)
    {
        var raw = v.ValueKind == JsonValueKind.Object ? "an object" : v.ValueKind == JsonValueKind.Array ? "an array" : v.GetRawText();
        return raw.Length > 40 ? raw[..40] + "…" : raw;
    }
}

/// <summary>A JSON parse error as a reason and a place, without the parser's own position suffix.</summary>
internal static class JsonMessages
{
    public static string Reason(JsonException e)
    {
        var m = e.Message;
        foreach (var suffix in new[] { " Path:", " LineNumber:" })
            if (m.IndexOf(suffix, StringComparison.Ordinal) is > 0 and var at) m = m[..at];
        return m.TrimEnd(' ', '.', '|');
    }

    public static string? Place(JsonException e) =>
        e.LineNumber is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1}") : null;
}
