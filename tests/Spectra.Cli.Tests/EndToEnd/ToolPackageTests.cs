namespace Spectra.Cli.Tests.EndToEnd;

/// <summary>
/// `dotnet pack` makes the tool package; `dotnet tool install` from that local package into a
/// temporary tool path gives a working `spectra` that analyses the repository's data-samples/.
/// </summary>
public class ToolPackageTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void Packed_tool_installs_from_the_local_package_and_runs()
    {
        var root = Conformance.ProjectRoot;
        var project = Path.Combine(root, "src", "Spectra.Cli", "Spectra.Cli.csproj");
        var packages = _tmp.File("packages");
        // The test run has just built the CLI in this configuration; packing that build avoids a second compile.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = _tmp.File("nuget"), ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        var pack = ProcessRunner.Run("dotnet", new[] { "pack", project, "-c", configuration, "--no-build", "-o", packages }, Limit, environment);
        if (pack.ExitCode != 0)
            pack = ProcessRunner.Run("dotnet", new[] { "pack", project, "-c", configuration, "-o", packages }, Limit, environment);
        Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Out + pack.Err);
        // The pointer package, the precompiled linux-x64 package and the portable one.
        var names = Directory.GetFiles(packages, "Spectra.Cli.*.nupkg").Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "Spectra.Cli.", "Spectra.Cli.any.", "Spectra.Cli.linux-x64." }, names.Select(n => n[..(n.IndexOf(ToolVersion.Value, StringComparison.Ordinal))]));

        var tools = _tmp.File("tools");
        var install = ProcessRunner.Run("dotnet", new[] { "tool", "install", "--tool-path", tools, "--add-source", packages, "--ignore-failed-sources", "Spectra.Cli" }, Limit, environment);
        Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.Out + install.Err);

        var installed = Directory.GetFiles(tools, "Spectra.dll", SearchOption.AllDirectories);
        var expectedRid = OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64 ? "linux-x64" : "any";
        Assert.Contains(installed, p => p.Split(Path.DirectorySeparatorChar).Contains(expectedRid));
        var spectra = Path.Combine(tools, OperatingSystem.IsWindows() ? "spectra.exe" : "spectra");
        var version = ProcessRunner.Run(spectra, new[] { "--version" }, Limit);
        Assert.Equal(0, version.ExitCode);
        Assert.Equal(ToolVersion.Value, version.Out.Trim());

        var json = _tmp.File("digits.json");
        var analyze = ProcessRunner.Run(spectra, new[] { "analyze", Path.Combine(root, "data-samples", "digits"), "--json", json }, Limit, workingDirectory: root);
        Assert.True(analyze.ExitCode == 0, "spectra analyze failed:\n" + analyze.Out + analyze.Err);
        Assert.Contains("Spectral fingerprint", analyze.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("images", doc.RootElement.GetProperty("input").GetProperty("kind").GetString());
        Assert.True(doc.RootElement.GetProperty("matrix").GetProperty("samples").GetInt32() > 100);
    }
}
