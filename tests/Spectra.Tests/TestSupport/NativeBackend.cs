namespace Spectra.Tests.TestSupport;

/// <summary>Whether a native LAPACK/BLAS library loads here; the tests that compare it with the managed solver need one.</summary>
public static class NativeBackend
{
    private static readonly Lazy<string?> Reason = new(() => SkipReasonFor(LinearAlgebraBackends.Resolve(null)));

    /// <summary>Null when the default chain loads a native library; else why not, with what to install.</summary>
    public static string? SkipReason => Reason.Value;

    public static string? SkipReasonFor(BackendSelection selection) =>
        selection.Backend is not ManagedBackend
            ? null
            : "no native LAPACK/BLAS loaded (install libopenblas0-pthread, as .ci/run does); chain: " +
              string.Join("; ", selection.Attempts.Select(a => $"{a.Candidate}: {a.Reason}"));
}

/// <summary>A fact that is skipped, with the reason, when no native LAPACK/BLAS library loads.</summary>
public sealed class NativeBackendFactAttribute : FactAttribute
{
    public NativeBackendFactAttribute()
    {
        if (NativeBackend.SkipReason is { } why) Skip = why;
    }
}

/// <summary>A theory that is skipped, with the reason, when no native LAPACK/BLAS library loads.</summary>
public sealed class NativeBackendTheoryAttribute : TheoryAttribute
{
    public NativeBackendTheoryAttribute()
    {
        if (NativeBackend.SkipReason is { } why) Skip = why;
    }
}
