namespace Spectra.Notebooks.Tests.Harness;

/// <summary>What one cell showed, in order: console text, a displayed value, or the cell's result value.</summary>
/// <param name="Kind">"stream", "display_data" or "execute_result".</param>
/// <param name="Value">The displayed object (null for console text).</param>
/// <param name="Html">Its text/html rendering by the kernel convention, when it has one.</param>
public sealed record CellOutput(string Kind, object? Value, string Text, string? Html);

/// <summary>The outputs of one executed cell.</summary>
public sealed record CellRun(NotebookCell Cell, IReadOnlyList<CellOutput> Outputs, TimeSpan Elapsed);

/// <summary>A cell that did not compile or threw, with the cell's position and source.</summary>
public sealed class NotebookCellException(string notebook, NotebookCell cell, Exception inner)
    : Exception($"{Path.GetFileName(notebook)}, cell {cell.Index}: {inner.GetType().Name}: {inner.Message}\n--- cell source ---\n{cell.Source}", inner);
