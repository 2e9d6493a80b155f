using Spectra.Spectrum;

namespace Spectra.Pipeline;

/// <summary>
/// The spectra of the row subsets (realisations, classes): from the held rows' Gram matrices when the rows
/// were held, from the subsets' accumulators otherwise. A subset of fewer than 2 rows has no spectrum.
/// </summary>
internal static class SubsetSpectra
{
    public static IReadOnlyList<EigenSpectrum> Realisations(RowAccumulation rows, RowSubsets subsets, SpectrumSolver solver)
    {
        var jobs = new List<Func<SpectrumSolver.Prepared>>();
        if (rows.HeldRows is { } held)
        {
            foreach (var (_, members) in subsets.In(rows.HeldIds, (int)rows.RowsKept, rows.HeldLabels, subsets.Realisations).Where(s => s.Subset.IsRealisation))
                if (members.Length >= 2) jobs.Add(() => solver.Prepare(null, solver.Gather(held, members), members.Length));
        }
        else
        {
            for (var k = 0; k < subsets.Realisations; k++)
                if (rows.AccumulatorOf(RowSubset.OfRealisation(k)) is { Count: >= 2 } acc)
                    jobs.Add(() => solver.Prepare(acc, null, acc.Count));
        }
        return solver.SolveEach(jobs);
    }

    public static IReadOnlyDictionary<string, EigenSpectrum> Classes(RowAccumulation rows, RowSubsets subsets, SpectrumSolver solver)
    {
        var result = new SortedDictionary<string, EigenSpectrum>(StringComparer.Ordinal);
        if (!subsets.PerClass) return result;
        var labels = new List<string>();
        var jobs = new List<Func<SpectrumSolver.Prepared>>();
        if (rows.HeldRows is { } held)
        {
            foreach (var (subset, members) in subsets.In(rows.HeldIds, (int)rows.RowsKept, rows.HeldLabels, 0))
            {
                if (members.Length < 2) continue;
                labels.Add(subset.Label!);
                jobs.Add(() => solver.Prepare(null, solver.Gather(held, members), members.Length));
            }
        }
        else
        {
            foreach (var label in rows.AccumulatedClasses)
            {
                var acc = rows.AccumulatorOf(RowSubset.OfClass(label))!;
                if (acc.Count < 2) continue;
                labels.Add(label);
                jobs.Add(() => solver.Prepare(acc, null, acc.Count));
            }
        }
        var spectra = solver.SolveEach(jobs);
        for (var i = 0; i < labels.Count; i++) result[labels[i]] = spectra[i];
        return result;
    }
}
