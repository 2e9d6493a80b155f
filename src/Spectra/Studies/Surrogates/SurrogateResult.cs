namespace Spectra.Studies.Surrogates;

/// <summary>The statistics of one surrogate draw.</summary>
public sealed record SurrogateDraw(string Kind, int Draw, HeadlineStatistics Statistics);

/// <summary>Where the real value of one statistic sits against one kind of surrogate.</summary>
/// <param name="ZScore">(real − surrogate mean) / surrogate standard deviation; null when the surrogate does not scatter.</param>
/// <param name="PositionTowardGoe">
/// (real − surrogate) / (GOE − surrogate): 0 at the surrogate, 1 at GOE; null where the statistic has no
/// GOE value or the surrogate is not distinguishable from GOE (|GOE − surrogate| below 3 of its spreads).
/// </param>
public sealed record SurrogateComparison(string Kind, Spread Surrogate, double? ZScore, double? PositionTowardGoe);

/// <summary>One statistic: the real value, its references and every kind of surrogate.</summary>
public sealed record SurrogateStatistic(string Statistic, double? Real, double? RealStandardError, double? GoeReference,
    double? PoissonReference, IReadOnlyList<SurrogateComparison> Surrogates);

public sealed record SurrogateResult(long Samples, int Features, int Seed, HeadlineStatistics Real,
    IReadOnlyList<SurrogateDraw> Draws, IReadOnlyList<SurrogateStatistic> Statistics);
