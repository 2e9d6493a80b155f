using System.Runtime.CompilerServices;

namespace Spectra.Tests.Architecture;

/// <summary>
/// The library's public surface is a snapshot (public-api.txt beside this file): every change to it
/// shows up in review as a change to that file. SPECTRA_ACCEPT_PUBLIC_API=1 rewrites the snapshot.
/// </summary>
public class PublicApiTests
{
    /// <summary>The seams and results users program against; codecs, readers and rendering stay internal.</summary>
    private const int MaxPublicTypes = 150;

    private static readonly Type[] Exported = typeof(SpectraException).Assembly.GetExportedTypes();

    [Fact]
    public void Public_surface_matches_the_snapshot()
    {
        var snapshot = SnapshotPath();
        var actual = Describe();
        if (Environment.GetEnvironmentVariable("SPECTRA_ACCEPT_PUBLIC_API") == "1") File.WriteAllText(snapshot, actual);
        var expected = File.Exists(snapshot) ? File.ReadAllText(snapshot) : "";
        var expectedLines = expected.Split('\n').ToHashSet(StringComparer.Ordinal);
        var actualLines = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
        var added = actualLines.Except(expectedLines).Order(StringComparer.Ordinal).ToList();
        var removed = expectedLines.Except(actualLines).Order(StringComparer.Ordinal).ToList();
        Assert.True(added.Count == 0 && removed.Count == 0,
            "the public API changed; if on purpose, run the tests with SPECTRA_ACCEPT_PUBLIC_API=1 and commit public-api.txt\n"
            + string.Join("\n", added.Select(l => "+ " + l).Concat(removed.Select(l => "- " + l)).Take(60)));
    }

    [Fact]
    public void Public_types_stay_few()
    {
        Assert.True(Exported.Length <= MaxPublicTypes,
            $"{Exported.Length} public types (at most {MaxPublicTypes}): make what only the command line or the tests use internal");
    }

    private static string Describe()
    {
        var lines = new List<string>();
        foreach (var type in Exported.OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add($"{Kind(type)} {type.FullName}");
            const BindingFlags visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(visible).Where(IsVisible).Select(m => "  " + m.MemberType + " " + m).Order(StringComparer.Ordinal))
                lines.Add(member);
        }
        return string.Join("\n", lines) + "\n";
    }

    private static string Kind(Type t) =>
        t.IsEnum ? "enum" : t.IsInterface ? "interface" : t.IsValueType ? "struct" : typeof(Delegate).IsAssignableFrom(t) ? "delegate" : t.IsAbstract && t.IsSealed ? "static class" : "class";

    private static bool IsVisible(MemberInfo m)
    {
        if (m.IsDefined(typeof(CompilerGeneratedAttribute))) return false;
        return m switch
        {
            MethodBase b => (b.IsPublic || b.IsFamily || b.IsFamilyOrAssembly) && !(b.IsSpecialName && (b.Name.StartsWith("get_") || b.Name.StartsWith("set_") || b.Name.StartsWith("add_") || b.Name.StartsWith("remove_"))),
            FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
            PropertyInfo p => (p.GetMethod ?? p.SetMethod) is { } a && (a.IsPublic || a.IsFamily),
            EventInfo e => e.AddMethod is { IsPublic: true },
            Type nested => nested.IsNestedPublic,
            _ => false,
        };
    }

    private static string SnapshotPath([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "public-api.txt");
}
