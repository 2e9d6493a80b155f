using System.Collections;

namespace Spectra.Matrices;

/// <summary>
/// The indices 0 … Count − 1 as a list that holds no array: "every feature kept" for data of up to 10⁸
/// features (a 10⁸-pixel image) costs nothing, where a list of them would take 400 MB.
/// </summary>
internal sealed class IndexRange(int count) : IReadOnlyList<int>
{
    public int Count { get; } = count >= 0 ? count : throw new ArgumentOutOfRangeException(nameof(count));

    public int this[int index] => (uint)index < (uint)Count ? index : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<int> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return i;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
