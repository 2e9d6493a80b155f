namespace Spectra.Data.Parquet;

/// <summary>
/// Work on a row group's columns, in parallel where more than one thread is allowed: column chunks decode
/// independently. The first error in column order is the one thrown, whatever the scheduling, so the same
/// damaged file is always reported by the same column.
/// </summary>
internal static class ColumnParallel
{
    public static void For(int columns, int parallelism, Action<int> column)
    {
        if (parallelism <= 1)
        {
            for (int k = 0; k < columns; k++) column(k);
            return;
        }
        var errors = new Exception?[columns];
        Parallel.For(0, columns, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, k =>
        {
            try
            {
                column(k);
            }
            catch (Exception e)
            {
                errors[k] = e;
            }
        });
        var first = errors.FirstOrDefault(e => e is not null);
        if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
    }
}
