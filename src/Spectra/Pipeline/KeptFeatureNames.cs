namespace Spectra.Pipeline;

/// <summary>
/// The names of the features that entered the matrix, looked up in the source's names on demand: an
/// image of 10⁸ pixels would otherwise make 10⁸ strings (gigabytes) that no reading of it needs.
/// </summary>
internal sealed class KeptFeatureNames(IReadOnlyList<string> all, IReadOnlyList<int> kept) : IReadOnlyList<string>
{
    public int Count => kept.Count;

    public string this[int index] => all[kept[index]];

    public IEnumerator<string> GetEnumerator()
    {
        for (int i = 0; i < kept.Count; i++) yield return all[kept[i]];
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
