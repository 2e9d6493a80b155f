namespace Spectra.Notebooks.Tests.Harness;

/// <summary>
/// What a notebook cell sees besides its own code: <c>display(value)</c>, as the Polyglot C# kernel
/// offers it, recorded with the value's HTML rendering found by the kernel's convention.
/// </summary>
public sealed class NotebookGlobals
{
    internal List<CellOutput> Current { get; set; } = new();

    // The kernel's name is lower-case; notebooks call display(x).
#pragma warning disable IDE1006
    public void display(object? value) => Current.Add(NotebookRunner.Describe("display_data", value));
#pragma warning restore IDE1006
}
