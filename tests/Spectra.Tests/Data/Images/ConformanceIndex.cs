namespace Spectra.Tests.Data.Images;

/// <summary>images/reference/INDEX.tsv: each input file, whether the reference C library decoded it, and its reference decode.</summary>
internal static class ConformanceIndex
{
    public sealed record Entry(string Input, bool Accepted, string? Reference, string Note)
    {
        public string InputPath => Conformance.PathOf("images", Input);
        public string? ReferencePath(string folder) =>
            Reference is null ? null : Conformance.PathOf("images", Reference.Replace("reference/jpeg/", "reference/" + folder + "/"));
    }

    public static IReadOnlyList<Entry> Load()
    {
        var lines = File.ReadAllLines(Conformance.PathOf("images", "reference", "INDEX.tsv"));
        var seen = new HashSet<string>();
        var list = new List<Entry>();
        foreach (var line in lines)
        {
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            if (!seen.Add(f[0])) continue;
            bool ok = f[1] == "ok";
            list.Add(new Entry(f[0], ok, ok ? f[2] : null, ok ? "" : string.Join(" ", f.Skip(1))));
        }
        return list;
    }

    public static IEnumerable<Entry> Png() => Load().Where(e => e.Input.EndsWith(".png", StringComparison.OrdinalIgnoreCase));
    public static IEnumerable<Entry> Jpeg() => Load().Where(e => e.Input.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase));
}
