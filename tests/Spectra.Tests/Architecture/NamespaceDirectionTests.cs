namespace Spectra.Tests.Architecture;

/// <summary>
/// Namespaces point one way: data → linear algebra → matrices → spectrum → pipeline → references →
/// analysis → reports → checks → studies → fluent → notebooks (→ the CLI, another assembly).
/// </summary>
public class NamespaceDirectionTests
{
    private static readonly Type[] LibraryTypes = typeof(SpectraException).Assembly.GetTypes();

    [Fact]
    public void Every_namespace_of_the_library_has_a_layer()
    {
        var unplaced = LibraryTypes
            .Where(t => t.Namespace is { } ns && (ns == "Spectra" || ns.StartsWith("Spectra.", StringComparison.Ordinal)))
            .Where(t => NamespaceLayers.Layer(t) is null)
            .Select(t => t.Namespace).Distinct().ToList();
        Assert.True(unplaced.Count == 0, "namespaces without a layer in NamespaceLayers.Order: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void No_type_uses_a_layer_above_its_own()
    {
        var arrowsBack = ArrowsBack();
        var unexpected = arrowsBack
            .Where(a => !NamespaceLayers.KnownArrowsBack.Contains((a.FromLayer, a.ToLayer)))
            .Select(a => $"{a.FromLayer} → {a.ToLayer}: {a.From} uses {a.To} ({a.Where})")
            .Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.True(unexpected.Count == 0, "arrows back:\n" + string.Join("\n", unexpected));
    }

    [Fact]
    public void Every_known_arrow_back_still_occurs()
    {
        var seen = ArrowsBack().Select(a => (a.FromLayer, a.ToLayer)).ToHashSet();
        var stale = NamespaceLayers.KnownArrowsBack.Where(k => !seen.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "remove from NamespaceLayers.KnownArrowsBack, the arrow is gone: " + string.Join(", ", stale));
    }

    [Fact]
    public void The_reader_sees_an_arrow_back_in_a_method_body()
    {
        // Guards the IL reader itself: a use that appears only inside a method body must be found.
        var used = TypeReferences.Of(typeof(MethodBodyUse)).Select(u => u.Used).ToList();
        Assert.Contains(typeof(Spectra.Notebooks.NotebookHtml), used);
        Assert.Contains(typeof(Spectra.Fluent.DatasetAnalysis), used);
    }

    [Fact]
    public void Every_formatter_attribute_names_the_notebook_formatter_source()
    {
        var attributed = LibraryTypes.Where(t => t.IsDefined(typeof(TypeFormatterSourceAttribute), inherit: false)).ToList();
        Assert.NotEmpty(attributed);
        foreach (var type in attributed)
        {
            var attribute = (TypeFormatterSourceAttribute)type.GetCustomAttributes(typeof(TypeFormatterSourceAttribute), false).Single();
            Assert.Equal(typeof(Spectra.Notebooks.NotebookFormatterSource), attribute.FormatterSourceType);
        }
    }

    private static List<(Type From, string FromLayer, Type To, string ToLayer, string Where)> ArrowsBack()
    {
        var arrows = new List<(Type, string, Type, string, string)>();
        foreach (var type in LibraryTypes)
        {
            var rank = NamespaceLayers.Rank(type);
            if (rank < 0) continue;
            foreach (var (used, where) in TypeReferences.Of(type))
            {
                if (used.Assembly != type.Assembly) continue;
                var usedRank = NamespaceLayers.Rank(used);
                if (usedRank > rank) arrows.Add((type, NamespaceLayers.Layer(type)!, used, NamespaceLayers.Layer(used)!, where));
            }
        }
        return arrows;
    }

    private static class MethodBodyUse
    {
        public static int Length(Spectra.Fluent.DatasetAnalysis? a) => a is null ? 0 : Spectra.Notebooks.NotebookHtml.Render(a).Length;
    }
}
