namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// HDF5 input through the command line, on a file h5py wrote: --dataset picks one of several datasets, an
/// image stack is M samples of H·W features, and a broken file or an option that does not apply is exit 3
/// with one error line naming the file, never a stack trace.
/// </summary>
public sealed class Hdf5InputTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [H5pyFact]
    public void Spectra_analyze_reads_the_dataset_named_and_refuses_what_does_not_apply()
    {
        H5pyReference.Run(_tmp.Path, """
            rng = np.random.default_rng(3)
            with h5py.File('sim.h5', 'w') as f:
                f.create_dataset('a', data=rng.standard_normal((120, 6)))
                f.create_group('fields').create_dataset('u', data=rng.standard_normal((150, 5, 4)).astype(np.float32), chunks=(16, 5, 4), compression='gzip', shuffle=True)
            """);
        var sim = _tmp.File("sim.h5");

        var several = Tool.Run("analyze", sim, "-q");
        Assert.Equal(3, several.ExitCode);
        Assert.Contains("/fields/u (150 × 5 × 4, float32)", several.Err);
        Assert.Contains("--dataset", several.Err);

        var json = _tmp.File("u.json");
        var run = Tool.Run("analyze", sim, "--dataset", "/fields/u", "--json", json, "-q");
        Assert.True(run.ExitCode == 0, run.Err);
        var report = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal("hdf5", report.GetProperty("input").GetProperty("kind").GetString());
        Assert.Equal(150, report.GetProperty("matrix").GetProperty("samples").GetInt32());
        Assert.Equal(20, report.GetProperty("matrix").GetProperty("features").GetInt32());
        Assert.Equal("/fields/u", report.GetProperty("options").GetProperty("dataset").GetString());

        var resize = Tool.Run("analyze", sim, "--dataset", "/a", "--resize", "8x8", "-q");
        Assert.Equal(3, resize.ExitCode);
        Assert.Contains("--resize does not apply to hdf5 input", resize.Err);

        var bytes = File.ReadAllBytes(sim);
        var cut = _tmp.File("cut.h5");
        File.WriteAllBytes(cut, bytes[..(bytes.Length * 2 / 3)]);
        var broken = Tool.Run("analyze", cut, "--dataset", "/fields/u", "-q");
        Assert.Equal(3, broken.ExitCode);
        Assert.Contains("cut.h5", broken.Err);
        Assert.Single(broken.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", broken.Err);
    }
}
