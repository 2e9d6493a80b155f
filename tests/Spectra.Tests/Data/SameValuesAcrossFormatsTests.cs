namespace Spectra.Tests.Data;

/// <summary>
/// One table of values written by numpy and h5py three ways (a 2-D .npy, a CSV with a header in full precision,
/// a chunked gzip HDF5 dataset) is one dataset to Spectra: the same rows, in the same order, with the same row
/// identities, so the whole default report (realisations, duplicates, references) gives the same numbers.
/// </summary>
public sealed class SameValuesAcrossFormatsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("spectra-formats-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [H5pyFact]
    public void An_npy_a_csv_and_an_hdf5_file_of_the_same_values_give_the_same_report()
    {
        H5pyReference.Run(_dir, """
            rng = np.random.default_rng(7)
            x = rng.standard_normal((600, 40)) @ rng.standard_normal((40, 40)) / 6
            np.save("same.npy", x)
            np.savetxt("same.csv", x, delimiter=",", fmt="%.17g", header=",".join(f"f{j}" for j in range(40)), comments="")
            with h5py.File("same.h5", "w") as f:
                f.create_dataset("/fields/x", data=x, chunks=(64, 40), compression="gzip", shuffle=True)
            """);
        var documents = new[] { "same.npy", "same.csv", "same.h5" }.Select(f => Job.Analyze(Path.Combine(_dir, f), AnalysisRequest.Default)).ToList();
        var reports = documents.Select(d => d.Spectrum).ToList();
        var npy = reports[0];
        Assert.Equal(40, npy.Eigenvalues.Count);
        foreach (var other in reports.Skip(1))
        {
            Assert.Equal(npy.Eigenvalues.Count, other.Eigenvalues.Count);
            // %.17g round-trips every double, so the rows are the same bits and so are the sums.
            for (var i = 0; i < npy.Eigenvalues.Count; i++)
                Assert.True(Math.Abs(npy.Eigenvalues[i] - other.Eigenvalues[i]) <= 1e-12 * npy.Eigenvalues[^1], $"eigenvalue {i}: {other.Eigenvalues[i]} against {npy.Eigenvalues[i]}");
        }
        // Everything but the input's description and the clock: statistics, realisations, references, verdict.
        var json = documents.Select(d => Comparable(Spectra.Reports.JsonReportWriter.Write(d))).ToList();
        Assert.Contains("\"form_factor\"", json[0]);
        Assert.Contains("\"verdict\"", json[0]);
        Assert.Equal(json[0], json[1]);
        Assert.Equal(json[0], json[2]);
    }

    private static string Comparable(string report)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(report)!.AsObject();
        foreach (var key in new[] { "input", "timings", "options", "provenance", "created" }) node.Remove(key);
        return node.ToJsonString();
    }
}
