namespace Spectra.Tests.Architecture;

/// <summary>
/// The layers of Spectra.dll, lowest first (docs/architecture.md). A type may use types of its own
/// layer and of the layers below it, never of a layer above.
/// </summary>
public static class NamespaceLayers
{
    /// <summary>Namespace prefixes per layer; the longest matching prefix decides.</summary>
    public static readonly IReadOnlyList<(string Layer, string[] Namespaces)> Order = new[]
    {
        ("base", new[] { "Spectra" }),
        ("data", new[] { "Spectra.Data" }),
        // Below the matrices: the moment accumulators hand their rank-k updates to the backend.
        ("linear algebra", new[] { "Spectra.LinearAlgebra" }),
        ("matrices", new[] { "Spectra.Matrices" }),
        ("spectrum", new[] { "Spectra.Spectrum" }),
        ("pipeline", new[] { "Spectra.Pipeline" }),
        ("references", new[] { "Spectra.References" }),
        ("analysis", new[] { "Spectra.Analysis" }),
        ("reports", new[] { "Spectra.Reports" }),
        ("checks", new[] { "Spectra.Checks" }),
        ("studies", new[] { "Spectra.Studies" }),
        // One entry point per job (analyze, baseline, check) that both front ends call.
        ("jobs", new[] { "Spectra.Jobs" }),
        ("fluent", new[] { "Spectra.Fluent" }),
        ("notebooks", new[] { "Spectra.Notebooks" }),
    };

    /// <summary>
    /// Types whose namespace is not their layer. <c>Dataset</c>, the fluent entry point, lives in the root
    /// namespace so that <c>using Spectra;</c> is all a notebook needs.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> TypeExceptions = new Dictionary<string, string>
    {
        ["Spectra.Dataset"] = "fluent",
    };

    /// <summary>
    /// KNOWN ARROWS BACK (from layer, to layer), none today; an entry is a debt to pay. Delete an entry
    /// once its arrow is gone; the test fails on an entry that no longer occurs, so the list only shrinks.
    /// </summary>
    public static readonly IReadOnlyList<(string From, string To)> KnownArrowsBack = Array.Empty<(string, string)>();

    /// <summary>The layer's position in <see cref="Order"/>, or −1 for a type outside Spectra's namespaces.</summary>
    public static int Rank(Type type)
    {
        var name = Layer(type);
        for (var i = 0; i < Order.Count; i++)
            if (Order[i].Layer == name) return i;
        return -1;
    }

    /// <summary>The layer's name, null for a type outside Spectra's namespaces (compiler-generated, System).</summary>
    public static string? Layer(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is { } d) outer = d;
        if (outer.FullName is { } full && TypeExceptions.TryGetValue(full, out var layer)) return layer;
        var ns = outer.Namespace;
        if (ns is null || !(ns == "Spectra" || ns.StartsWith("Spectra.", StringComparison.Ordinal))) return null;
        string? best = null;
        var bestLength = -1;
        foreach (var (name, prefixes) in Order)
            foreach (var p in prefixes)
                if ((ns == p || ns.StartsWith(p + ".", StringComparison.Ordinal)) && p.Length > bestLength)
                    (best, bestLength) = (name, p.Length);
        return best;
    }
}
