using System.Reflection;

namespace Spectra.Cli;

/// <summary>The tool's version as `spectra --version` prints it and every report records it.</summary>
public static class ToolVersion
{
    public static string Value { get; } =
        typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
