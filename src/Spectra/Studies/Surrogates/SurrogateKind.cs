namespace Spectra.Studies.Surrogates;

/// <summary>How a surrogate dataset is made from the real one.</summary>
internal enum SurrogateKind
{
    /// <summary>Each feature's values shuffled across samples independently: the features' marginals stay, their correlations go.</summary>
    ColumnShuffled,
    /// <summary>Each sample's values shuffled across features independently: every sample keeps its own value histogram (brightness, contrast), the feature identities go.</summary>
    RowPermuted,
}
