namespace Spectra.LinearAlgebra;

/// <summary>
/// Large scratch arrays (matrix copies for LAPACK, chunk conversions) kept warm between calls:
/// touching freshly mapped memory costs more than the copy that fills it (page faults), so
/// repeated solves and chunks reuse the same pages.
/// </summary>
internal static class Workspace
{
    private static readonly ArrayPool<double> Doubles = ArrayPool<double>.Create(maxArrayLength: 1 << 28, maxArraysPerBucket: 2);

    /// <summary>An array of at least <paramref name="length"/> doubles; contents are undefined.</summary>
    public static double[] Rent(long length) =>
        length <= 1 << 28 ? Data.PrefaultedArray.Prefault(Doubles.Rent((int)length)) : new double[length];

    public static void Return(double[] array)
    {
        if (array.Length <= 1 << 28) Doubles.Return(array);
    }
}
