namespace Spectra.Tests.LinearAlgebra;

public class BackendChainTests
{
    [Fact]
    public void A_missing_library_is_skipped_with_its_reason_and_the_chain_goes_on()
    {
        var selection = LinearAlgebraBackends.Resolve("/nonexistent/libnothing.so");
        var first = selection.Attempts[0];
        Assert.False(first.Loaded);
        Assert.Contains("SPECTRA_LAPACK=/nonexistent/libnothing.so", first.Candidate);
        Assert.Contains("not found", first.Reason);
        Assert.True(selection.Attempts[^1].Loaded);
        Assert.Equal("selected", selection.Attempts[^1].Reason);
    }

    [Fact]
    public void A_library_that_is_not_lapack_is_rejected_by_its_missing_symbols()
    {
        var libz = new[] { "/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1", "/lib/aarch64-linux-gnu/libz.so.1" }
            .FirstOrDefault(File.Exists);
        Assert.True(libz is not null, "libz.so.1 (a non-LAPACK shared library) is expected on the machine");
        var selection = LinearAlgebraBackends.Resolve(libz);
        var first = selection.Attempts[0];
        Assert.False(first.Loaded);
        Assert.Contains("not a LAPACK/BLAS library", first.Reason);
        Assert.Contains("dsyevd_", first.Reason);
        Assert.NotSame(selection.Attempts[0], selection.Attempts[^1]);
    }

    [Fact]
    public void A_requested_library_that_cannot_be_used_is_recorded_and_becomes_one_clear_error()
    {
        var selection = LinearAlgebraBackends.Resolve("bogus");
        Assert.NotNull(selection.RequestedFailure);
        Assert.Same(selection.Attempts[0], selection.RequestedFailure);
        var error = LinearAlgebraBackends.RequestedLibraryUnusable(selection.RequestedFailure!);
        Assert.Equal(SpectraErrorKind.Backend, error.Kind);
        Assert.Contains("SPECTRA_LAPACK=bogus", error.Message);
        Assert.Contains("not found", error.Message);
        Assert.Contains("managed", error.Hint);
    }

    [Fact]
    public void The_default_order_and_a_forced_managed_solver_record_no_failed_request()
    {
        Assert.Null(LinearAlgebraBackends.Resolve(null).RequestedFailure);
        Assert.Null(LinearAlgebraBackends.Resolve("managed").RequestedFailure);
    }

    [Fact]
    public void Managed_can_be_forced_and_is_named()
    {
        var selection = LinearAlgebraBackends.Resolve("managed");
        Assert.IsType<ManagedBackend>(selection.Backend);
        Assert.Equal("managed", selection.Backend.Info.Name);
        Assert.Contains("managed requested", selection.Attempts[0].Reason);
    }

    [Fact]
    public void The_default_chain_loads_a_verified_native_library_on_a_machine_with_openblas()
    {
        var selection = LinearAlgebraBackends.Resolve(null);
        Assert.NotEqual("managed", selection.Backend.Info.Name);
        Assert.False(string.IsNullOrEmpty(selection.Backend.Info.Library));
        Assert.True(selection.Backend.Info.Threads >= 1);
        Assert.Null(BackendVerification.Verify(selection.Backend));
    }
}
