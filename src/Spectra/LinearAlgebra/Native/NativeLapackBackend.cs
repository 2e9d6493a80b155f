namespace Spectra.LinearAlgebra.Native;

/// <summary>Dense kernels through a native LAPACK/BLAS library bound at run time.</summary>
internal sealed unsafe class NativeLapackBackend : ILinearAlgebraBackend
{
    private readonly LapackFunctions _f;

    // The library's thread count is process-wide. A split rank-k update sets it to one for its
    // duration, so it runs alone (write lock) while every other call sees the configured count (read
    // lock, any number at once): results stay bit-reproducible when analyses run side by side.
    private static readonly ReaderWriterLockSlim ThreadCountGate = new();

    private readonly struct Hold(bool exclusive) : IDisposable
    {
        public void Dispose()
        {
            if (exclusive) ThreadCountGate.ExitWriteLock();
            else ThreadCountGate.ExitReadLock();
        }
    }

    private static Hold Shared()
    {
        ThreadCountGate.EnterReadLock();
        return new Hold(false);
    }

    private static Hold Exclusive()
    {
        ThreadCountGate.EnterWriteLock();
        return new Hold(true);
    }

    private readonly bool _blockedRankK;

    public NativeLapackBackend(string name, string library, LapackFunctions functions)
    {
        _f = functions;
        var choice = RankKUpdatePath.Choose(ReadString(functions.GetCoreName), BlockedRankKUpdate.IsSupported,
            Environment.GetEnvironmentVariable(RankKUpdatePath.OverrideVariable), ProcessorTraits.SplitsAvx512);
        _blockedRankK = choice.UseBlocked;
        Info = new BackendInfo(name, library, ReadString(functions.GetConfig), CurrentThreads(functions))
        {
            RankKUpdate = choice.Name,
            RankKUpdateReason = choice.Reason,
        };
    }

    public BackendInfo Info { get; private set; }

    /// <summary>Sets the library's thread count (when it exposes one) and updates <see cref="Info"/>.</summary>
    public void SetThreads(int threads)
    {
        using (Exclusive())
        {
            if (_f.SetThreads != null && threads > 0) _f.SetThreads(threads);
            Info = Info with { Threads = CurrentThreads(_f) };
        }
    }

    public double[] SymmetricEigenvalues(ReadOnlySpan<double> a, int n)
    {
        if (n == 0) return Array.Empty<double>();
        CheckSquare(a, n);
        var copy = Workspace.Rent((long)n * n); // dsyevd destroys its input
        a[..(n * n)].CopyTo(copy);
        try
        {
            return Dsyevd(copy, n);
        }
        finally
        {
            Workspace.Return(copy);
        }
    }

    public double[] SymmetricEigenvaluesOverwriting(Span<double> a, int n)
    {
        if (n == 0) return Array.Empty<double>();
        CheckSquare(a, n);
        return Dsyevd(a, n);
    }

    /// <summary>
    /// Several solves at once, each with one library thread, side by side on Spectra's threads: at the
    /// orders a covariance usually has (n ≈ 1000) a second library thread speeds one solve up by less than
    /// 10 %, two solves at once nearly halve the time. Each result is that of a one-thread solve, whatever
    /// the thread count, and the library's count is restored afterwards (alone, as for the split update).
    /// </summary>
    public double[][] SymmetricEigenvaluesOverwriting(IReadOnlyList<(double[] Matrix, int Order)> matrices)
    {
        var values = new double[matrices.Count][];
        foreach (var (a, n) in matrices) CheckSquare(a, n);
        int threads = Info.Threads;
        if (matrices.Count < 2 || threads < 2 || _f.SetThreads == null)
        {
            for (var i = 0; i < values.Length; i++) values[i] = SymmetricEigenvaluesOverwriting(matrices[i].Matrix, matrices[i].Order);
            return values;
        }
        WithOneLibraryThread(() => Parallel.For(0, values.Length, new ParallelOptions { MaxDegreeOfParallelism = threads },
            i => values[i] = matrices[i].Order == 0 ? Array.Empty<double>() : DsyevdUngated(matrices[i].Matrix, matrices[i].Order)));
        return values;
    }

    /// <summary>All eigenvalues of the lower triangle of <paramref name="a"/>, which is destroyed.</summary>
    private double[] Dsyevd(Span<double> a, int n)
    {
        using (Shared()) return DsyevdUngated(a, n);
    }

    /// <summary><see cref="Dsyevd"/> for a caller that holds the thread-count gate already.</summary>
    private double[] DsyevdUngated(Span<double> a, int n)
    {
        var w = new double[n];
        byte jobz = (byte)'N', uplo = (byte)'L';
        int nn = n, lda = n, info = 0, lwork = -1, liwork = -1, iworkQuery = 0;
        double workQuery = 0;
        fixed (double* pa = a, pw = w)
        {
            _f.Dsyevd(&jobz, &uplo, &nn, pa, &lda, pw, &workQuery, &lwork, &iworkQuery, &liwork, &info, 1, 1);
            Check(info, "dsyevd (workspace query)");
            lwork = Math.Max(1, (int)workQuery);
            liwork = Math.Max(1, iworkQuery);
            // Scratch outside the managed heap: a large array here can set off a full collection just
            // before the solve, and the library needs no zeroed memory.
            var work = (double*)NativeMemory.Alloc((nuint)lwork, sizeof(double));
            var iwork = (int*)NativeMemory.Alloc((nuint)liwork, sizeof(int));
            try
            {
                _f.Dsyevd(&jobz, &uplo, &nn, pa, &lda, pw, work, &lwork, iwork, &liwork, &info, 1, 1);
            }
            finally
            {
                NativeMemory.Free(work);
                NativeMemory.Free(iwork);
            }
        }
        Check(info, "dsyevd");
        return w;
    }

    public (double[] Values, double[]? Vectors) SymmetricEigenRange(ReadOnlySpan<double> a, int n, int first, int last, bool vectors)
    {
        ManagedBackend.CheckRange(n, first, last);
        CheckSquare(a, n);
        var copy = Workspace.Rent((long)n * n);
        a[..(n * n)].CopyTo(copy);
        var k = last - first + 1;
        var w = new double[n];
        var z = vectors ? new double[(long)n * k] : new double[1];
        var isuppz = new int[2 * Math.Max(1, k)];
        byte jobz = vectors ? (byte)'V' : (byte)'N', range = (byte)'I', uplo = (byte)'L';
        int nn = n, lda = n, il = first + 1, iu = last + 1, m = 0, ldz = Math.Max(1, n), info = 0, lwork = -1, liwork = -1, iq = 0;
        double vl = 0, vu = 0, abstol = 0, wq = 0;
        using (Shared())
        fixed (double* pa = copy, pw = w, pz = z)
        fixed (int* ps = isuppz)
        {
            _f.Dsyevr(&jobz, &range, &uplo, &nn, pa, &lda, &vl, &vu, &il, &iu, &abstol, &m, pw, pz, &ldz, ps, &wq, &lwork, &iq, &liwork, &info, 1, 1, 1);
            Check(info, "dsyevr (workspace query)");
            lwork = Math.Max(1, (int)wq);
            liwork = Math.Max(1, iq);
            var work = new double[lwork];
            var iwork = new int[liwork];
            fixed (double* pwork = work)
            fixed (int* piwork = iwork)
                _f.Dsyevr(&jobz, &range, &uplo, &nn, pa, &lda, &vl, &vu, &il, &iu, &abstol, &m, pw, pz, &ldz, ps, pwork, &lwork, piwork, &liwork, &info, 1, 1, 1);
        }
        Workspace.Return(copy);
        Check(info, "dsyevr");
        if (m != k) throw new SpectraException(SpectraErrorKind.Backend, $"dsyevr returned {m} eigenvalues where {k} were asked for");
        return (w[..k], vectors ? z : null);
    }

    public void SymmetricRankKUpdate(ReadOnlySpan<double> rowsKxN, int k, int n, double alpha, double beta, Span<double> c)
    {
        if (_blockedRankK)
        {
            // Spectra's own kernel where the processor has AVX-512 and the library runs AVX2 kernels (named
            // in Info.RankKUpdate): faster there, and its result does not depend on the thread count.
            BlockedRankKUpdate.Run(rowsKxN, k, n, alpha, beta, c, Info.Threads);
            return;
        }
        LibraryRankKUpdate(rowsKxN, k, n, alpha, beta, c);
    }

    /// <summary>The rank-k update by the library's dsyrk (and dgemm), split over two threads when large.</summary>
    internal void LibraryRankKUpdate(ReadOnlySpan<double> rowsKxN, int k, int n, double alpha, double beta, Span<double> c)
    {
        if (n == 0) return;
        if (rowsKxN.Length < (long)k * n || c.Length < (long)n * n) throw new ArgumentException("buffer shorter than its dimensions");
        // A row-major k × n block is, read column-major, the n × k matrix whose columns are the samples,
        // so Σ x xᵀ is dsyrk with trans = 'N'.
        fixed (double* pa = rowsKxN, pc = c)
        {
            if (Info.Threads >= 2 && _f.SetThreads != null && n >= SplitMinimumFeatures && (double)k * n * n >= SplitMinimumWork)
                SplitRankKUpdate((nint)pa, (nint)pc, k, n, alpha, beta);
            else
                using (Shared()) Syrk(pa, n, k, n, alpha, beta, pc);
        }
    }

    private const int SplitMinimumFeatures = 128;
    private const double SplitMinimumWork = 1 << 26;

    /// <summary>
    /// The rank-k update as two parts of about equal time on two of Spectra's threads, each with
    /// single-threaded BLAS: C₁₁ += A₁A₁ᵀ and C₂₁ += A₂A₁ᵀ on one, C₂₂ += A₂A₂ᵀ on the other. Streaming
    /// calls this between chunks that other threads decode; the library's own workers would spin for a
    /// while after every call and take a core from them.
    /// </summary>
    /// <remarks>
    /// The split s = (1 − 1/√2)·n gives both parts the same arithmetic (with n = 1: s²/2 + (1 − s)s =
    /// (1 − s)²/2). Measured on 10 000 × 1024 rows in 2048-row chunks: 0.14–0.16 s, against 0.21 s for
    /// the library's own two-thread dsyrk and 0.25 s for one thread; splits at 0.33 and 0.38 were no faster.
    /// </remarks>
    private static readonly double SplitFraction = 1 - Math.Sqrt(0.5);

    private void SplitRankKUpdate(nint a, nint c, int k, int n, double alpha, double beta)
    {
        int split = Math.Clamp((int)Math.Round(n * SplitFraction), 1, n - 1);
        WithOneLibraryThread(() => Parallel.Invoke(
            () =>
            {
                var pa = (double*)a;
                var pc = (double*)c;
                Syrk(pa, split, k, n, alpha, beta, pc);
                byte ta = (byte)'N', tb = (byte)'T';
                int m = n - split, nn = split, kk = k, lda = n, ldb = n, ldc = n;
                double al = alpha, be = beta;
                _f.Dgemm(&ta, &tb, &m, &nn, &kk, &al, pa + split, &lda, pa, &ldb, &be, pc + split, &ldc, 1, 1);
            },
            () => Syrk((double*)a + split, n - split, k, n, alpha, beta, (double*)c + (long)split * n + split)));
    }

    /// <summary>
    /// Runs <paramref name="work"/>, which calls the library from several of Spectra's threads at once,
    /// with the library set to one thread: alone (write lock), so every other call sees the configured
    /// count, and with that count restored afterwards.
    /// </summary>
    private void WithOneLibraryThread(Action work)
    {
        using var alone = Exclusive();
        int threads = Info.Threads;
        _f.SetThreads(1);
        try
        {
            work();
        }
        finally
        {
            _f.SetThreads(threads);
        }
    }

    // C (order × order, leading dimension ld) ← β C + α A Aᵀ with A order × k, leading dimension ld.
    private void Syrk(double* a, int order, int k, int ld, double alpha, double beta, double* c)
    {
        byte uplo = (byte)'L', trans = (byte)'N';
        int nn = order, kk = k, lda = ld, ldc = ld;
        _f.Dsyrk(&uplo, &trans, &nn, &kk, &alpha, a, &lda, &beta, c, &ldc, 1, 1);
    }

    public void MultiplyTransposed(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int m, int n, int k, double alpha, double beta, Span<double> c)
    {
        if (m == 0 || n == 0) return;
        if (a.Length < (long)m * k || b.Length < (long)n * k || c.Length < (long)m * n) throw new ArgumentException("buffer shorter than its dimensions");
        // Row-major C (m × n) = A Bᵀ is column-major Cᵀ (n × m) = B Aᵀ; row-major A and B are
        // column-major k × m and k × n, so both enter transposed/untransposed accordingly.
        byte ta = (byte)'T', tb = (byte)'N';
        int mm = n, nn = m, kk = k, lda = k, ldb = k, ldc = n;
        using (Shared())
        fixed (double* pa = a, pb = b, pc = c)
            _f.Dgemm(&ta, &tb, &mm, &nn, &kk, &alpha, pb, &lda, pa, &ldb, &beta, pc, &ldc, 1, 1);
    }

    private static void CheckSquare(ReadOnlySpan<double> a, int n)
    {
        if (a.Length < (long)n * n) throw new ArgumentException("matrix buffer shorter than n*n");
    }

    private static void Check(int info, string routine)
    {
        if (info < 0) throw new SpectraException(SpectraErrorKind.Backend, $"{routine}: argument {-info} was rejected by the library");
        if (info > 0) throw new SpectraException(SpectraErrorKind.Backend, $"{routine} did not converge (info = {info})",
            hint: "the matrix may contain NaN or infinite values; set SPECTRA_LAPACK=managed to compare with the managed solver");
    }

    private static int CurrentThreads(LapackFunctions f) => f.GetThreads != null ? Math.Max(1, f.GetThreads()) : 1;

    private static string? ReadString(delegate* unmanaged<nint> get)
    {
        if (get == null) return null;
        var p = get();
        return p == 0 ? null : Marshal.PtrToStringAnsi(p)?.Trim();
    }
}
