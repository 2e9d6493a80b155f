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
            var all = subsets.RealisationsIn(rows.HeldIds, (int)rows.RowsKept).Select(r => r.Rows).Where(m => m.Length >= 2).ToList();
            if (all.Count > 0) solver.PlanSubsets(all.Max(m => m.Length));
            foreach (var members in all)
                jobs.Add(() => solver.Prepare(null, solver.Gather(held, members), members.Length, consumeRows: true));
        }
        else
        {
            // Each realisation's accumulator is merged from its blocks only when its turn to be solved comes.
            for (var k = 0; k < rows.AccumulatedRealisations; k++)
            {
                var subset = RowSubset.OfRealisation(k);
                if (rows.RealisationRows(k) < 2) continue;
                jobs.Add(() => { var acc = rows.AccumulatorOf(subset)!; return solver.Prepare(acc, null, acc.Count, consumeRows: false); });
            }
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
            var classes = subsets.ClassesIn((int)rows.RowsKept, rows.HeldLabels).Where(c => c.Rows.Length >= 2).ToList();
            if (classes.Count > 0) solver.PlanSubsets(classes.Max(c => c.Rows.Length));
            foreach (var (subset, members) in classes)
            {
                labels.Add(subset.Label!);
                jobs.Add(() => solver.Prepare(null, solver.Gather(held, members), members.Length, consumeRows: true));
            }
        }
        else
        {
            foreach (var label in rows.AccumulatedClasses)
            {
                var acc = rows.AccumulatorOf(RowSubset.OfClass(label))!;
                if (acc.Count < 2) continue;
                labels.Add(label);
                jobs.Add(() => solver.Prepare(acc, null, acc.Count, consumeRows: false));
            }
        }
        var spectra = solver.SolveEach(jobs);
        for (var i = 0; i < labels.Count; i++) result[labels[i]] = spectra[i];
        return result;
    }
}
