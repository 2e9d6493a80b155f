namespace Spectra.LinearAlgebra.Native;

/// <summary>
/// Entry points of the Fortran LAPACK/BLAS ABI (the same in MKL, OpenBLAS and the reference
/// libraries): every argument by reference, characters as pointers, and the hidden character
/// lengths that gfortran appends passed explicitly so no library reads garbage for them.
/// </summary>
internal sealed unsafe class LapackFunctions
{
    public delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nint, nint, void> Dsyevd;
    public delegate* unmanaged<byte*, byte*, byte*, int*, double*, int*, double*, double*, int*, int*, double*, int*, double*, double*, int*, int*, double*, int*, int*, int*, int*, nint, nint, nint, void> Dsyevr;
    public delegate* unmanaged<byte*, byte*, int*, int*, double*, double*, int*, double*, double*, int*, nint, nint, void> Dsyrk;
    public delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nint, nint, void> Dgemm;
    public delegate* unmanaged<int, void> SetThreads;
    public delegate* unmanaged<int> GetThreads;
    public delegate* unmanaged<nint> GetConfig;
    public delegate* unmanaged<nint> GetCoreName;

    /// <summary>Resolves the entry points from a LAPACK library and a BLAS library (often the same handle).</summary>
    public static LapackFunctions? TryResolve(nint lapack, nint blas, out string? missing)
    {
        var f = new LapackFunctions();
        missing = null;
        if (!Get(lapack, "dsyevd_", out var p1)) { missing = "dsyevd_"; return null; }
        if (!Get(lapack, "dsyevr_", out var p2)) { missing = "dsyevr_"; return null; }
        if (!Get(blas, "dsyrk_", out var p3)) { missing = "dsyrk_"; return null; }
        if (!Get(blas, "dgemm_", out var p4)) { missing = "dgemm_"; return null; }
        f.Dsyevd = (delegate* unmanaged<byte*, byte*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nint, nint, void>)p1;
        f.Dsyevr = (delegate* unmanaged<byte*, byte*, byte*, int*, double*, int*, double*, double*, int*, int*, double*, int*, double*, double*, int*, int*, double*, int*, int*, int*, int*, nint, nint, nint, void>)p2;
        f.Dsyrk = (delegate* unmanaged<byte*, byte*, int*, int*, double*, double*, int*, double*, double*, int*, nint, nint, void>)p3;
        f.Dgemm = (delegate* unmanaged<byte*, byte*, int*, int*, int*, double*, double*, int*, double*, int*, double*, double*, int*, nint, nint, void>)p4;
        // Thread control and self-description are optional: each library names them differently.
        if (Get(blas, "openblas_set_num_threads", out var st) || Get(blas, "MKL_Set_Num_Threads", out st))
            f.SetThreads = (delegate* unmanaged<int, void>)st;
        if (Get(blas, "openblas_get_num_threads", out var gt) || Get(blas, "MKL_Get_Max_Threads", out gt))
            f.GetThreads = (delegate* unmanaged<int>)gt;
        if (Get(blas, "openblas_get_config", out var gc))
            f.GetConfig = (delegate* unmanaged<nint>)gc;
        // The kernel set OpenBLAS picked for this processor (or was pinned to by OPENBLAS_CORETYPE).
        if (Get(blas, "openblas_get_corename", out var cn))
            f.GetCoreName = (delegate* unmanaged<nint>)cn;
        return f;
    }

    private static bool Get(nint lib, string name, out nint p) => NativeLibrary.TryGetExport(lib, name, out p);
}
