namespace Spectra.Pipeline;

/// <summary>
/// From rows (held together) or an accumulated covariance to the spectrum of the requested matrix: builds the
/// smaller matrix, refuses one that overflowed, decomposes several side by side, and converts between the Gram
/// and covariance spectra with full provenance.
/// </summary>
internal sealed class SpectrumSolver(int d, SpectrumOptions o, ILinearAlgebraBackend backend, DataScale scale, int[] constantFeatures, string path)
{
    /// <summary>Centring (standardisation centres too) makes a constant feature's column exactly zero.</summary>
    public static bool Centres(SpectrumOptions o) => o.Preprocess.Center || o.Preprocess.Standardize;

    /// <summary>Centred data in which every feature is constant: its matrix is zero and it has no spectrum.</summary>
    public bool NoVariance => Centres(o) && constantFeatures.Length == d;

    /// <summary>The smaller matrix of some rows, ready for the eigensolver (which may overwrite it).</summary>
    /// <param name="Exact">The covariance came from exact integer sums (8-bit rows): reported as the rank-k update that made it.</param>
    public sealed record Prepared(double[] Matrix, int Order, MatrixKind Computed, long Samples, int Features,
        IReadOnlyList<int> KeptFeatures, IReadOnlyList<int> DroppedFeatures, bool Exact = false);

    /// <summary>Decomposes the smaller matrix and reports the requested one's spectrum.</summary>
    /// <param name="consumeRows">The held rows are not needed again: the Gram matrix centres them where they are.</param>
    public EigenSpectrum Solve(MomentAccumulator? acc, double[]? heldRows, long samples, out IReadOnlyList<int> keptFeatures, bool consumeRows = false)
    {
        var p = Prepare(acc, heldRows, samples, consumeRows);
        keptFeatures = p.KeptFeatures;
        return Finish(p, backend.SymmetricEigenvaluesOverwriting(p.Matrix, p.Order));
    }

    /// <summary>
    /// Spectra of several matrices, prepared and solved a few at a time (as many as the backend has
    /// threads): the backend may solve them side by side, and only that many matrices are held at once.
    /// </summary>
    public List<EigenSpectrum> SolveEach(IReadOnlyList<Func<Prepared>> jobs)
    {
        var spectra = new List<EigenSpectrum>(jobs.Count);
        int group = Math.Max(1, backend.Info.Threads);
        for (var start = 0; start < jobs.Count; start += group)
        {
            var prepared = jobs.Skip(start).Take(group).Select(job => job()).ToList();
            var values = backend.SymmetricEigenvaluesOverwriting(prepared.Select(p => (p.Matrix, p.Order)).ToList());
            for (var i = 0; i < prepared.Count; i++) spectra.Add(Finish(prepared[i], values[i]));
        }
        return spectra;
    }

    // The one block every subset's rows are copied into in turn: a subset's Gram matrix is made from its copy
    // (centring it in place) before the next subset is gathered, so the copies never need to coexist, and no
    // garbage of one copy per subset is left for the collector.
    private double[] _subsetRows = [];

    /// <summary>What subsets of at most <paramref name="rows"/> rows take: the one block their rows are copied into, and the Gram matrices of those solved side by side.</summary>
    public static double SubsetBytes(long rows, int d, int sideBySide) => 8.0 * rows * d + sideBySide * 8.0 * rows * rows;

    /// <summary>Makes the block the subsets' rows are gathered into large enough for <paramref name="rows"/> rows, once, before the first is gathered.</summary>
    public void PlanSubsets(int rows)
    {
        if (_subsetRows.LongLength >= (long)rows * d) return;
        MemoryBudget.Current.Check(SubsetBytes(rows, d, Math.Max(1, backend.Info.Threads)),
            $"the Gram matrices of subsets of {rows} samples × {d} features", path);
        _subsetRows = [];
        _subsetRows = new double[(long)rows * d];
    }

    /// <summary>Copies some of the held rows into the subsets' block (valid until the next gather; the subset's Gram matrix centres it in place).</summary>
    public double[] Gather(double[] heldRows, int[] rows)
    {
        PlanSubsets(rows.Length);
        var x = _subsetRows;
        for (var i = 0; i < rows.Length; i++)
            Array.Copy(heldRows, (long)rows[i] * d, x, (long)i * d, d);
        return x;
    }

    /// <param name="consumeRows">The rows are this matrix's alone (a gathered subset, or held rows not needed again): centred in place.</param>
    public Prepared Prepare(MomentAccumulator? acc, double[]? heldRows, long samples, bool consumeRows)
    {
        // Data without variance has a zero matrix: there is nothing to standardise.
        var pre = NoVariance ? o.Preprocess with { Standardize = false } : o.Preprocess;
        if (heldRows is not null && (samples < d || acc is null))
        {
            var (g, kept, drop) = consumeRows
                ? GramMatrix.InPlace(heldRows, (int)samples, d, pre, backend, o.MaxGramSamples)
                : GramMatrix.From(heldRows, (int)samples, d, pre, backend, o.MaxGramSamples);
            return Checked(new Prepared(g.Values, g.Order, MatrixKind.Gram, samples, kept.Count, kept, drop));
        }
        ZeroCoMoments(acc!);
        var exact = acc!.IsExact;
        var c = CovarianceMatrix.FromLowerTriangle(acc, pre, consume: true);
        return Checked(new Prepared(c.Matrix.Values, c.Matrix.Order, MatrixKind.Covariance, samples, c.KeptFeatures.Count, c.KeptFeatures, c.DroppedFeatures, exact));
    }

    /// <summary>Clears a constant feature's row and column of a co-moment (exactly zero; what is there is round-off).</summary>
    private void ZeroCoMoments(MomentAccumulator acc)
    {
        var m = acc.CoMoment;
        foreach (var j in constantFeatures)
        {
            m.AsSpan(j * d, d).Clear();
            for (var k = 0; k < d; k++) m[k * d + j] = 0;
        }
    }

    /// <summary>
    /// A matrix that overflowed (values that grew far beyond those that set the scale) is refused here,
    /// by name, rather than left to fail inside the eigensolver.
    /// </summary>
    private Prepared Checked(Prepared p)
    {
        if (double.IsFinite(TensorPrimitives.Sum(p.Matrix.AsSpan(0, p.Order * p.Order)))) return p;
        if (RowBlock.AllFinite(p.Matrix.AsSpan(0, p.Order * p.Order))) return p;
        var kind = p.Computed == MatrixKind.Gram ? "Gram" : "covariance";
        throw new SpectraException(SpectraErrorKind.InvalidInput,
            $"the {kind} matrix overflows double precision: the data's magnitude grows far beyond that of its first rows (largest |x| there {scale.LargestMagnitude.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)})",
            path, hint: "divide the data by a constant before analysing it (no statistic depends on the scale)");
    }

    private EigenSpectrum Finish(Prepared p, double[] values)
    {
        var requested = SpectrumOptions.KindOf(o.Matrix, p.Samples, p.Features);
        var reported = GramCovarianceConversion.Convert(scale.Unscale(values), p.Computed, requested, p.Samples, p.Features);
        var provenance = new SpectrumProvenance
        {
            Requested = requested,
            Computed = p.Computed,
            Samples = p.Samples,
            Features = p.Features,
            Centered = o.Preprocess.Center,
            Standardized = o.Preprocess.Standardize,
            DroppedFeatures = p.DroppedFeatures,
            Backend = p.Exact ? backend.Info with { RankKUpdate = ByteRankKUpdate.Name! } : backend.Info,
            Seed = o.Seed,
        };
        return new EigenSpectrum(reported, provenance, reported.Length);
    }
}
