using System.Text.Encodings.Web;
using System.Text.Json.Serialization;

namespace Spectra.Studies.Rendering;

/// <summary>
/// Writes a study result as JSON: the result records as they are, snake_case keys, enums as strings,
/// doubles in shortest round-trip form, null where a statistic could not be computed. The same result
/// gives the same bytes.
/// </summary>
internal static class StudyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <param name="study">"sample_size", "per_class", "single_image", "surrogates", "attribution" or "compare".</param>
    public static string Write<T>(string study, T result) where T : class
    {
        ArgumentNullException.ThrowIfNull(result);
        var envelope = new Dictionary<string, object>
        {
            ["schema"] = "spectra.study/1",
            ["study"] = study,
            ["result"] = result,
        };
        return JsonSerializer.Serialize(envelope, Options) + "\n";
    }
}
