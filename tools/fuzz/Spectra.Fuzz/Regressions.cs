using System.Text.RegularExpressions;

namespace Spectra.Fuzz;

/// <summary>
/// Replays kept inputs: each file, named <c>family-seed-case-seedname</c> as <c>--keep</c> writes it,
/// runs through its family's target under the same budgets as a fuzz case. Every input that ever
/// escaped, ran slow or allocated too much is kept this way and replayed by a unit test.
/// </summary>
public static partial class Regressions
{
    [GeneratedRegex(@"^(?<family>[a-z]+)-(?<seed>-?\d+)-(?<case>\d+)-(?<name>.+)$")]
    private static partial Regex KeptName();

    /// <summary>The failures among the files of <paramref name="folder"/> (empty when every one decodes or is refused cleanly), and how many files were replayed.</summary>
    public static (List<string> Failures, int Replayed) Replay(string folder, string root)
    {
        Seeds.Root = root;
        var failures = new List<string>();
        int replayed = 0;
        using var budget = MemoryBudget.Use(Runner.AllocationBudget);
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            if (file.EndsWith(".md", StringComparison.Ordinal)) continue;
            var m = KeptName().Match(file);
            if (!m.Success || !Seeds.Families.Contains(m.Groups["family"].Value))
            {
                failures.Add($"{file}: not named family-seed-case-name");
                continue;
            }
            var family = m.Groups["family"].Value;
            // Only the end-to-end and rules targets read their seeds; a kept image or table is all its case needs.
            var target = Targets.For(family, family is "folder" or "cli" or "rules" ? Seeds.For(family, root) : []);
            // Warm once, so the first case's compilation does not count as slow.
            Runner.Attempt(target, File.ReadAllBytes(path), m.Groups["name"].Value);
            var o = Runner.Attempt(target, File.ReadAllBytes(path), m.Groups["name"].Value);
            replayed++;
            if (o.Escape is not null) failures.Add($"{file}: escape: {o.Escape}");
            else if (o.Ms > Runner.TimeBudget.TotalMilliseconds) failures.Add($"{file}: slow: {o.Ms:0} ms");
            else if (o.Bytes > Runner.AllocationBudget) failures.Add($"{file}: heavy: {o.Bytes} bytes");
        }
        return (failures, replayed);
    }
}
