namespace Spectra.Notebooks.Tests.Harness;

/// <summary>Writes a run's outputs back into the notebook, in nbformat 4, so it reads well where .ipynb files are rendered.</summary>
public static class OutputWriter
{
    public static void Write(NotebookFile notebook, IReadOnlyList<CellRun> runs)
    {
        var count = 0;
        foreach (var run in runs)
        {
            count++;
            var outputs = new JsonArray();
            foreach (var o in run.Outputs)
            {
                if (o.Kind == "stream")
                {
                    outputs.Add(new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = NotebookFile.Lines(o.Text) });
                    continue;
                }
                var data = new JsonObject();
                if (o.Html is not null) data["text/html"] = NotebookFile.Lines(o.Html);
                data["text/plain"] = NotebookFile.Lines(o.Text);
                var output = new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["output_type"] = o.Kind };
                if (o.Kind == "execute_result") output["execution_count"] = count;
                outputs.Add(output);
            }
            notebook.SetOutputs(run.Cell.Index, outputs, count);
        }
        notebook.Save();
    }
}
