using System.Text;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Spectra.Notebooks.KernelTests;

/// <summary>
/// Runs a notebook in the .NET Interactive C# kernel itself, in process: a composite kernel around a
/// C# kernel with the `#r "nuget:…"` directive and the kernel helpers (`display`), as Polyglot Notebooks
/// starts it, with the notebook's folder as the working directory so its relative paths hold.
/// </summary>
public static class KernelNotebookRunner
{
    public static async Task<IReadOnlyList<KernelCellRun>> RunAsync(string notebookPath)
    {
        var document = Notebook.Parse(await File.ReadAllTextAsync(notebookPath), new KernelInfoCollection { new("csharp", "C#") });
        using var kernel = CreateKernel();
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Path.GetDirectoryName(Path.GetFullPath(notebookPath))!);
        try
        {
            var runs = new List<KernelCellRun>();
            var index = 0;
            foreach (var element in document.Elements)
            {
                index++;
                if (element.KernelName is not ("csharp" or "C#" or null)) continue;
                runs.Add(await RunCellAsync(kernel, index - 1, element.Contents));
            }
            return runs;
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((k, packages) =>
            {
                k.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            }, forceRestore: false)
            .UseKernelHelpers()
            .UseValueSharing();
        return new CompositeKernel { csharp };
    }

    private static async Task<KernelCellRun> RunCellAsync(Kernel kernel, int index, string source)
    {
        var result = await kernel.SendAsync(new SubmitCode(source, "csharp"));
        var outputs = new List<KernelOutput>();
        var stdout = new StringBuilder();
        string? error = null;
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case ReturnValueProduced r:
                    outputs.Add(new KernelOutput("execute_result", r.FormattedValues.ToDictionary(v => v.MimeType, v => v.Value)));
                    break;
                case DisplayedValueProduced d:
                    outputs.Add(new KernelOutput("display_data", d.FormattedValues.ToDictionary(v => v.MimeType, v => v.Value)));
                    break;
                case StandardOutputValueProduced o:
                    stdout.Append(string.Concat(o.FormattedValues.Select(v => v.Value)));
                    break;
                case CommandFailed f:
                    error = f.Message + (f.Exception is null ? "" : "\n" + f.Exception);
                    break;
                case ErrorProduced p:
                    error ??= p.Message;
                    break;
            }
        }
        return new KernelCellRun(index, source, outputs, stdout.ToString(), error);
    }
}
