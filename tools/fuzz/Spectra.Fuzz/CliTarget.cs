using System.Text.Json;
using Spectra.Cli;

namespace Spectra.Fuzz;

/// <summary>
/// The command line end to end, in process: a folder of pristine digits beside one mutated file.
/// A mutated image goes through <c>analyze --skip-invalid</c> (a JPEG with <c>--jpeg-draft</c>, so that the
/// reduced-scale decode meets it too), which must exit 0, list the file as skipped or count it, and analyse the rest; a mutated baseline or rules file goes through
/// <c>check</c>, which must end with a verdict (0, 1, 2) or exit 3 with one error line naming the file.
/// Anything else (another exit code, an internal error, a wrong count) is thrown as an escape.
/// </summary>
internal sealed class CliTarget(List<(string Name, byte[] Bytes)> seeds)
{
    // analyze reads a few digits beside the mutated file; check reads the 32 its seed baseline was made on
    // (`spectra baseline` on the first 32 digits, --replicates 16), so that its rules can compare.
    private const int GoodImages = 6, BaselineImages = 32;

    private readonly List<byte[]> _images = seeds.Where(s => s.Name.EndsWith(".png", StringComparison.Ordinal)).Select(s => s.Bytes).ToList();
    private readonly byte[] _baseline = seeds.First(s => s.Name.EndsWith(".baseline.json", StringComparison.Ordinal)).Bytes;

    public static bool IsImage(string name) => name.EndsWith(".png", StringComparison.Ordinal) || name.EndsWith(".jpg", StringComparison.Ordinal);

    // analyze resizes to the digits' 8 × 8: a mutated file that decodes to a valid image of another size is
    // then a sample like the others (without --resize, a folder of mixed sizes is refused as a whole, by design).
    public void Run(byte[] mutated, string name)
    {
        var folder = Directory.CreateTempSubdirectory("spectra-fuzz-cli-").FullName;
        try
        {
            var data = Path.Combine(folder, "data");
            Directory.CreateDirectory(data);
            bool image = IsImage(name);
            for (int i = 0; i < (image ? GoodImages : BaselineImages); i++) File.WriteAllBytes(Path.Combine(data, $"good{i}.png"), _images[i % _images.Count]);
            if (image) Analyze(folder, data, mutated, Path.GetExtension(name));
            else Check(folder, data, mutated, name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Analyze(string folder, string data, byte[] mutated, string extension)
    {
        var file = "mutated" + extension;
        File.WriteAllBytes(Path.Combine(data, file), mutated);
        var json = Path.Combine(folder, "report.json");
        string[] draft = extension == ".jpg" ? ["--jpeg-draft"] : [];
        var (code, err) = Cli(["--memory-limit", "64M", "analyze", data, "--skip-invalid", "--resize", "8x8", .. draft, "--json", json, "-q"]);
        if (code != 0) throw new FuzzFailure($"analyze --skip-invalid exited {code}: {err}");
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var skipped = report.RootElement.GetProperty("input").GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("path").GetString()).ToList();
        bool listed = skipped.Contains(file);
        long samples = report.RootElement.GetProperty("matrix").GetProperty("samples").GetInt64();
        if (skipped.Count != (listed ? 1 : 0) || samples != GoodImages + (listed ? 0 : 1))
            throw new FuzzFailure($"{samples} samples analysed, skipped [{string.Join(", ", skipped)}]");
    }

    private void Check(string folder, string data, byte[] mutated, string name)
    {
        var file = Path.Combine(folder, name);
        File.WriteAllBytes(file, mutated);
        var baseline = Path.Combine(folder, "seed.baseline.json");
        File.WriteAllBytes(baseline, _baseline);
        bool isBaseline = name.EndsWith(".baseline.json", StringComparison.Ordinal);
        string[] rules = isBaseline ? [] : ["--rules", file];
        var (code, err) = Cli(["--memory-limit", "64M", "check", data, "--baseline", isBaseline ? file : baseline, .. rules, "--skip-invalid", "-q"]);
        if (code is 0 or 1 or 2) return;
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // Exit 3 is either the verdict "could not compute" (a rule found nothing to compare) or one error naming the file.
        bool verdict = lines.Length == 1 && lines[0] == "spectra check: error (exit 3)";
        if (code != 3 || lines.Length != 1 || !(verdict || lines[0].Contains(name, StringComparison.Ordinal)))
            throw new FuzzFailure($"check exited {code} with {lines.Length} error line(s): {err}");
    }

    private static (int Code, string Err) Cli(params string[] args)
    {
        var io = CliIo.Capture(out _, out var err);
        int code = SpectraCli.Run(args, io);
        var text = err.ToString();
        if (text.Contains("internal error", StringComparison.Ordinal)) throw new FuzzFailure(text.Trim());
        return (code, text.Trim());
    }
}

/// <summary>A case that ended wrongly without an exception of its own (a bad exit code, a wrong count): an escape.</summary>
internal sealed class FuzzFailure(string message) : Exception(message);
