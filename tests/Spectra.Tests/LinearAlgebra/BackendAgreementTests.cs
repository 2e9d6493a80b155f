namespace Spectra.Tests.LinearAlgebra;

/// <summary>The native library and the managed solver are independent implementations: they must agree.</summary>
public class BackendAgreementTests
{
    // Every test here is a NativeBackendFact/Theory: without a native library they are skipped with the chain, not failed.
    private static ILinearAlgebraBackend Native() => LinearAlgebraBackends.Resolve(null).Backend;

    [NativeBackendTheory]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(64, 3)]
    [InlineData(301, 4)]
    public void Random_symmetric_eigenvalues_agree_to_1e10(int n, int seed)
    {
        var a = TestMatrices.RandomSymmetric(n, seed);
        var native = Native().SymmetricEigenvalues(a, n);
        var managed = ManagedBackend.Instance.SymmetricEigenvalues(a, n);
        Assert.True(TestMatrices.MaxRelativeDifference(native, managed) < 1e-10);
        for (var i = 1; i < n; i++) Assert.True(native[i] >= native[i - 1], "eigenvalues must come sorted ascending");
    }

    [NativeBackendTheory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(301)]
    public void Overwriting_solve_gives_the_same_bits_and_reads_only_the_lower_triangle(int n)
    {
        var a = TestMatrices.RandomSymmetric(n, n);
        foreach (var backend in new[] { Native(), ManagedBackend.Instance })
        {
            var expected = backend.SymmetricEigenvalues(a, n);
            // The upper triangle is garbage: only the lower one may be read, as the pipeline leaves it unmirrored.
            var lower = (double[])a.Clone();
            for (var col = 1; col < n; col++)
                for (var row = 0; row < col; row++) lower[col * n + row] = double.NaN;
            var w = backend.SymmetricEigenvaluesOverwriting((double[])lower.Clone(), n);
            Assert.Equal(expected, w);
        }
    }

    [NativeBackendFact]
    public void Several_solves_side_by_side_agree_with_one_at_a_time_and_repeat_exactly()
    {
        var native = LinearAlgebraBackends.Get(2);
        var sizes = new[] { 700, 1, 64, 257, 0 };
        var matrices = sizes.Select((n, i) => (TestMatrices.RandomSymmetric(n, 40 + i), n)).ToArray();
        double[][] Batch() => native.SymmetricEigenvaluesOverwriting(matrices.Select(m => ((double[])m.Item1.Clone(), m.n)).ToList());
        var before = native.SymmetricEigenvalues(matrices[0].Item1, sizes[0]);
        var batch = Batch();
        // The library runs with its configured thread count again: a lone solve gives the bits it gave before.
        Assert.Equal(before, native.SymmetricEigenvalues(matrices[0].Item1, sizes[0]));
        for (var i = 0; i < sizes.Length; i++)
        {
            var one = native.SymmetricEigenvalues(matrices[i].Item1, sizes[i]);
            Assert.Equal(sizes[i], batch[i].Length);
            if (sizes[i] > 0) Assert.True(TestMatrices.MaxRelativeDifference(one, batch[i]) < 1e-12, $"matrix {i}");
        }
        var again = Batch();
        for (var i = 0; i < sizes.Length; i++) Assert.Equal(batch[i], again[i]);
    }

    [NativeBackendFact]
    public void Rank_deficient_matrix_gives_the_same_zero_modes_on_both()
    {
        // X Xᵀ of a 120 × 7 X has rank 7: 113 eigenvalues are numerically zero.
        var x = TestMatrices.RandomRows(7, 120, 11);
        var a = new double[120 * 120];
        ManagedBackend.Instance.MultiplyTransposed(Transpose(x, 7, 120), Transpose(x, 7, 120), 120, 120, 7, 1.0, 0.0, a);
        var native = Native().SymmetricEigenvalues(a, 120);
        var managed = ManagedBackend.Instance.SymmetricEigenvalues(a, 120);
        Assert.True(TestMatrices.MaxRelativeDifference(native, managed) < 1e-10);
        var threshold = 120 * 2.22e-16 * native[^1];
        Assert.Equal(113, native.Count(v => v <= threshold));
        Assert.Equal(113, managed.Count(v => v <= threshold));
    }

    [NativeBackendFact]
    public void Exactly_degenerate_spectrum_is_recovered_by_both()
    {
        var values = new double[] { 1, 1, 1, 2, 2, 5, 5, 5, 5, 9 };
        var a = TestMatrices.WithSpectrum(values, 5);
        foreach (var backend in new[] { Native(), ManagedBackend.Instance })
        {
            var w = backend.SymmetricEigenvalues(a, values.Length);
            for (var i = 0; i < values.Length; i++) Assert.Equal(values[i], w[i], 1e-12);
        }
    }

    [NativeBackendFact]
    public void Index_range_and_vectors_match_the_full_decomposition()
    {
        const int n = 40;
        var a = TestMatrices.RandomSymmetric(n, 8);
        var all = Native().SymmetricEigenvalues(a, n);
        foreach (var backend in new[] { Native(), ManagedBackend.Instance })
        {
            var (values, vectors) = backend.SymmetricEigenRange(a, n, n - 3, n - 1, vectors: true);
            for (var j = 0; j < 3; j++)
            {
                Assert.Equal(all[n - 3 + j], values[j], 1e-10);
                // A v = λ v for each returned vector.
                for (var r = 0; r < n; r++)
                {
                    double s = 0;
                    for (var c = 0; c < n; c++) s += a[c * n + r] * vectors![j * n + c];
                    Assert.Equal(values[j] * vectors![j * n + r], s, 1e-9);
                }
            }
        }
    }

    [NativeBackendFact]
    public void Rank_k_update_and_product_agree_between_backends()
    {
        var rows = TestMatrices.RandomRows(33, 17, 21);
        var cn = new double[17 * 17];
        var cm = new double[17 * 17];
        Native().SymmetricRankKUpdate(rows, 33, 17, 0.5, 0.0, cn);
        ManagedBackend.LoopRankKUpdate(rows, 33, 17, 0.5, 0.0, cm);
        for (var c = 0; c < 17; c++)
            for (var r = c; r < 17; r++) Assert.Equal(cm[c * 17 + r], cn[c * 17 + r], 1e-12);
        var pn = new double[33 * 33];
        var pm = new double[33 * 33];
        Native().MultiplyTransposed(rows, rows, 33, 33, 17, 1.0, 0.0, pn);
        ManagedBackend.Instance.MultiplyTransposed(rows, rows, 33, 33, 17, 1.0, 0.0, pm);
        Assert.True(TestMatrices.MaxRelativeDifference(pn, pm) < 1e-13);
    }

    /// <summary>The library's own rank-k update, whichever kernel the backend dispatches to on this processor.</summary>
    /// <summary>
    /// The library's update on the process-wide backend at two threads. Not on a freshly resolved instance:
    /// that one reads the library's thread count when it is built, and a split update running meanwhile in
    /// another test sets the count to one for its duration, so two fresh instances could take different paths.
    /// </summary>
    private static void LibraryUpdate(double[] rows, int k, int n, double alpha, double beta, double[] c) =>
        ((Spectra.LinearAlgebra.Native.NativeLapackBackend)LinearAlgebraBackends.Get(2)).LibraryRankKUpdate(rows, k, n, alpha, beta, c);

    [NativeBackendTheory]
    [InlineData(257, 1100)] // above the split threshold: two column blocks on two threads
    [InlineData(129, 4100)]
    [InlineData(300, 40)]   // below it: one library call
    public void Large_rank_k_updates_equal_the_loop_sum_with_beta(int n, int k)
    {
        // Two threads configured, so a large update takes the split path; β = 1 onto a filled C checks that
        // each block of the lower triangle is scaled and added exactly once.
        var rows = TestMatrices.RandomRows(k, n, 5);
        var start = TestMatrices.RandomRows(n, n, 6);
        var cn = (double[])start.Clone();
        var cm = (double[])start.Clone();
        LibraryUpdate(rows, k, n, 0.25, 1.0, cn);
        ManagedBackend.LoopRankKUpdate(rows, k, n, 0.25, 1.0, cm);
        double scale = cm.Max(Math.Abs);
        for (var c = 0; c < n; c++)
            for (var r = c; r < n; r++) Assert.True(Math.Abs(cm[c * n + r] - cn[c * n + r]) <= 1e-12 * scale, $"C[{r},{c}]");
        // Deterministic: the same call again gives the same bits.
        var again = (double[])start.Clone();
        LibraryUpdate(rows, k, n, 0.25, 1.0, again);
        for (var c = 0; c < n; c++)
            for (var r = c; r < n; r++) Assert.Equal(BitConverter.DoubleToInt64Bits(cn[c * n + r]), BitConverter.DoubleToInt64Bits(again[c * n + r]));
    }

    [NativeBackendFact]
    public async Task Results_are_bit_identical_while_split_updates_run_alongside()
    {
        // A split update switches the library to one thread for its duration; calls made meanwhile on
        // other threads must still see the configured count, or their results change in the last bits.
        var native = LinearAlgebraBackends.Get(2);
        const int n = 500;
        var a = TestMatrices.RandomRows(n, n, 9);
        for (var i = 0; i < n; i++) for (var j = 0; j < i; j++) a[j * n + i] = a[i * n + j];
        var rows = TestMatrices.RandomRows(600, n, 10);
        var reference = native.SymmetricEigenvalues(a, n);
        var gram = new double[n * n];
        LibraryUpdate(rows, 600, n, 1.0, 0.0, gram);
        using var stop = new CancellationTokenSource();
        var splits = Task.Run(() =>
        {
            var c = new double[n * n];
            while (!stop.IsCancellationRequested) LibraryUpdate(rows, 600, n, 1.0, 0.0, c);
        });
        try
        {
            for (var r = 0; r < 20; r++)
            {
                var values = native.SymmetricEigenvalues(a, n);
                for (var i = 0; i < n; i++) Assert.Equal(BitConverter.DoubleToInt64Bits(reference[i]), BitConverter.DoubleToInt64Bits(values[i]));
            }
        }
        finally
        {
            stop.Cancel();
            await splits;
        }
    }

    private static double[] Transpose(double[] x, int rows, int cols)
    {
        var t = new double[x.Length];
        for (var r = 0; r < rows; r++) for (var c = 0; c < cols; c++) t[c * rows + r] = x[r * cols + c];
        return t;
    }

    [Fact]
    public void Without_a_native_library_the_skip_reason_names_the_chain_and_the_package()
    {
        var managedOnly = LinearAlgebraBackends.Resolve("managed");
        var why = NativeBackend.SkipReasonFor(managedOnly);
        Assert.NotNull(why);
        Assert.Contains("libopenblas0-pthread", why);
        Assert.Contains("managed requested", why);
    }
}
