namespace Spectra.Notebooks.KernelTests;

/// <summary>One value the kernel showed for a cell (a displayed value or the cell's result), by MIME type.</summary>
public sealed record KernelOutput(string Kind, IReadOnlyDictionary<string, string> ByMimeType);

/// <summary>What one code cell did in the kernel: its outputs, the text it printed and the error it raised, if any.</summary>
public sealed record KernelCellRun(int Index, string Source, IReadOnlyList<KernelOutput> Outputs, string StandardOutput, string? Error);
