using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Spectra.Notebooks.Tests.Harness;

/// <summary>
/// Executes a notebook's C# cells in order as one Roslyn script session (each cell continues the
/// state of the previous ones, as in the kernel), against the Spectra assembly this test project is
/// built with. Kernel directives (#r, #i, #!) are dropped: the library is already referenced. The
/// working directory is the notebook's folder while it runs, as in Polyglot Notebooks.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The namespaces the Polyglot C# kernel imports in every notebook.</summary>
    private static readonly string[] KernelImports = { "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks" };

    private static readonly Lazy<ScriptOptions> Options = new(() =>
    {
        var tpa = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return ScriptOptions.Default
            .WithReferences(tpa.Where(p => !p.Contains("xunit", StringComparison.OrdinalIgnoreCase)).Select(p => Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(p)))
            .WithImports(KernelImports)
            .WithEmitDebugInformation(false);
    });

    private static readonly object ConsoleGate = new();

    public static IReadOnlyList<CellRun> Run(NotebookFile notebook)
    {
        var runs = new List<CellRun>();
        var globals = new NotebookGlobals();
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        lock (ConsoleGate)
        {
            var previousDirectory = Directory.GetCurrentDirectory();
            var previousOut = Console.Out;
            Directory.SetCurrentDirectory(folder);
            try
            {
                ScriptState<object>? state = null;
                foreach (var cell in notebook.CodeCells())
                {
                    if (cell.Language != "csharp") continue;
                    var code = WithoutDirectives(cell.Source);
                    var outputs = new List<CellOutput>();
                    globals.Current = outputs;
                    Console.SetOut(new CellConsole(outputs));
                    var watch = Stopwatch.StartNew();
                    try
                    {
                        state = state is null
                            ? CSharpScript.RunAsync(code, Options.Value, globals, typeof(NotebookGlobals)).GetAwaiter().GetResult()
                            : state.ContinueWithAsync(code, Options.Value).GetAwaiter().GetResult();
                    }
                    catch (Exception e)
                    {
                        throw new NotebookCellException(notebook.Path, cell, e);
                    }
                    finally
                    {
                        Console.Out.Flush();
                        Console.SetOut(previousOut);
                    }
                    if (state.ReturnValue is { } value) outputs.Add(Describe("execute_result", value));
                    runs.Add(new CellRun(cell, outputs, watch.Elapsed));
                }
            }
            finally
            {
                Directory.SetCurrentDirectory(previousDirectory);
                Console.SetOut(previousOut);
            }
        }
        return runs;
    }

    /// <summary>A value as the kernel would show it: HTML from the convention-discovered formatter, text from its text/plain formatter or ToString().</summary>
    public static CellOutput Describe(string kind, object? value)
    {
        if (value is null) return new CellOutput(kind, null, "<null>", null);
        var html = KernelConvention.Format(value, "text/html");
        var text = KernelConvention.Format(value, "text/plain") ?? value.ToString() ?? "";
        return new CellOutput(kind, value, text, html);
    }

    /// <summary>Drops the kernel's directive lines (#r "nuget: …", #i "nuget: …", #!magic).</summary>
    public static string WithoutDirectives(string source)
    {
        var sb = new StringBuilder();
        foreach (var line in source.Split('\n'))
        {
            var t = line.TrimStart();
            var directive = t.StartsWith("#r ", StringComparison.Ordinal) || t.StartsWith("#i ", StringComparison.Ordinal) || t.StartsWith("#!", StringComparison.Ordinal);
            // Keep the line count so compiler positions match the cell's lines.
            sb.Append(directive ? "" : line.TrimEnd('\r')).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Console output of a cell, merged into consecutive stream outputs in display order.</summary>
    private sealed class CellConsole(List<CellOutput> outputs) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            if (outputs.Count > 0 && outputs[^1].Kind == "stream")
                outputs[^1] = outputs[^1] with { Text = outputs[^1].Text + value };
            else
                outputs.Add(new CellOutput("stream", null, value, null));
        }
    }
}
