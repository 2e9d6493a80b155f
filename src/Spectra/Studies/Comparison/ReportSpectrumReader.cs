namespace Spectra.Studies.Comparison;

/// <summary>
/// Reads the spectrum back from a Spectra JSON report (<c>spectrum.eigenvalues</c>, <c>spectrum.realisations</c>,
/// <c>matrix.samples</c>, <c>matrix.features</c>), so a comparison can recompute every statistic, and its
/// spread, the same way on both sides.
/// </summary>
internal static class ReportSpectrumReader
{
    /// <summary>Largest report file read (a report holds one number per eigenvalue).</summary>
    public const long MaxBytes = 1L << 30;

    public static bool LooksLikeReport(string path) =>
        File.Exists(path) && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <returns>The spectrum, the samples and features it came from, and the spectra of its half-subsample realisations (empty when the report has none).</returns>
    public static (EigenSpectrum Spectrum, long Samples, int Features, IReadOnlyList<EigenSpectrum> Realisations) Read(string path)
    {
        long length = Data.Files.RegularFile.Require(path, "the report file");
        if (length > MaxBytes)
            throw new SpectraException(SpectraErrorKind.LimitExceeded, $"the report is {length >> 20} MiB, above the {MaxBytes >> 20} MiB a report may have", path);
        JsonDocument doc;
        try
        {
            using var stream = File.OpenRead(path);
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            throw new SpectraException(SpectraErrorKind.InvalidInput, $"not valid JSON ({e.Message})", path,
                e.LineNumber is { } line ? $"line {line + 1}" : null, "give a report written by 'spectra analyze --json', or a dataset");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("spectrum", out var spectrum) || spectrum.ValueKind != JsonValueKind.Object
                || !spectrum.TryGetProperty("eigenvalues", out var values) || values.ValueKind != JsonValueKind.Array)
                throw new SpectraException(SpectraErrorKind.InvalidInput, "not a Spectra report: no spectrum.eigenvalues array", path,
                    hint: "give a report written by 'spectra analyze --json', or a dataset");
            var list = Numbers(values, path, "spectrum.eigenvalues");
            var realisations = new List<double[]>();
            if (spectrum.TryGetProperty("realisations", out var stored) && stored.ValueKind == JsonValueKind.Array)
                foreach (var levels in stored.EnumerateArray())
                {
                    var place = $"spectrum.realisations[{realisations.Count}]";
                    if (levels.ValueKind != JsonValueKind.Array)
                        throw new SpectraException(SpectraErrorKind.InvalidInput, "a realisation is not an array of eigenvalues", path, place);
                    realisations.Add(Numbers(levels, path, place));
                }
            long samples = 0;
            var features = 0;
            var kind = MatrixKind.Covariance;
            if (root.TryGetProperty("matrix", out var matrix) && matrix.ValueKind == JsonValueKind.Object)
            {
                if (matrix.TryGetProperty("samples", out var s) && s.TryGetInt64(out var sv)) samples = sv;
                if (matrix.TryGetProperty("features", out var f) && f.TryGetInt32(out var fv)) features = fv;
                if (matrix.TryGetProperty("requested", out var r) && r.ValueKind == JsonValueKind.String
                    && string.Equals(r.GetString(), "gram", StringComparison.OrdinalIgnoreCase)) kind = MatrixKind.Gram;
            }
            var provenance = new SpectrumProvenance { Requested = kind, Computed = kind, Samples = samples, Features = features };
            // A realisation's row count (about half of the samples, by a seeded hash) is not recorded.
            return (new EigenSpectrum(list, provenance, list.Length), samples, features,
                realisations.Select(r => new EigenSpectrum(r, provenance with { Samples = 0 }, r.Length)).ToList());
        }
    }

    private static double[] Numbers(JsonElement values, string path, string place)
    {
        var list = new double[values.GetArrayLength()];
        var i = 0;
        foreach (var v in values.EnumerateArray())
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var x) || !double.IsFinite(x))
                throw new SpectraException(SpectraErrorKind.InvalidInput, $"eigenvalue {i} is not a finite number", path, $"{place}[{i}]");
            list[i++] = x;
        }
        return list;
    }
}
