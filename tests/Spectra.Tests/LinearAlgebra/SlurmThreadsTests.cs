namespace Spectra.Tests.LinearAlgebra;

/// <summary>Inside a Slurm task the native thread count is the task's CPU share unless Spectra's own variable says otherwise.</summary>
public class SlurmThreadsTests
{
    private static int Threads(params (string Name, string Value)[] env) =>
        LinearAlgebraBackends.DefaultThreads(name => env.FirstOrDefault(e => e.Name == name).Value);

    [Fact]
    public void A_slurm_task_takes_its_cpus_per_task() => Assert.Equal(3, Threads(("SLURM_CPUS_PER_TASK", "3")));

    [Fact]
    public void Spectra_threads_wins_over_the_slurm_share() => Assert.Equal(2, Threads(("SLURM_CPUS_PER_TASK", "3"), ("SPECTRA_THREADS", "2")));

    [Fact]
    public void Outside_slurm_the_library_default_stays() => Assert.Equal(0, Threads());

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("two")]
    [InlineData("")]
    public void A_value_that_is_not_a_positive_count_is_ignored(string value) => Assert.Equal(0, Threads(("SLURM_CPUS_PER_TASK", value)));

    [Fact]
    public void A_share_beyond_the_option_limit_is_capped() => Assert.Equal(OptionLimits.MaxThreads, Threads(("SLURM_CPUS_PER_TASK", "100000")));
}
