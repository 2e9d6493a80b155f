using System.Globalization;
using Spectra;
using Spectra.Data.Parquet;

// Small companion of the Parquet reader: `dump FILE...` lists the schema and the first values of
// every column (or the error a file raises); `bench ...` is the Spectra side of tools/benchmarks/parquet/bench.mjs.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Length >= 2 && args[0] == "dump") return Dump.Run(args[1..]);
if (args.Length >= 2 && args[0] == "bench") return Bench.Run(args[1..]);
if (args.Length >= 2 && args[0] == "decode") return Bench.DecodeOnly(args[1]);
Console.Error.WriteLine("usage: Spectra.Benchmarks.Parquet dump FILE... | bench FILE [--list COLUMN] [--repeat N]");
return 2;

internal static class Dump
{
    public static int Run(string[] files)
    {
        foreach (var path in files)
        {
            Console.WriteLine($"== {Path.GetFileName(path)}");
            try
            {
                using var f = ParquetFile.Open(path);
                Console.WriteLine($"   rows={f.RowCount} groups={f.RowGroupCount} created_by={f.CreatedBy}");
                try { f.Verify(); Console.WriteLine("   verify: ok"); }
                catch (SpectraException e) { Console.WriteLine("   verify: " + e.Kind + ": " + e.Message); }
                foreach (var c in f.Schema.Columns)
                {
                    string head = "";
                    if (c.Use != ColumnUse.Skipped)
                    {
                        try
                        {
                            var parts = new List<string>();
                            for (int g = 0; g < f.RowGroupCount && parts.Count < 12; g++)
                            {
                                var d = f.ReadColumn(g, c);
                                if (d.Strings is not null) parts.AddRange(d.Strings.Take(6).Select(s => s ?? "null"));
                                else if (d.IsList)
                                    for (int r = 0; r < d.Rows && parts.Count < 12; r++)
                                        parts.Add(d.RowIsNull![r] ? "null" : "[" + string.Join(",", Enumerable.Range(d.Offsets![r], d.Offsets[r + 1] - d.Offsets[r]).Select(k => d.Nulls?[k] == true ? "null" : d.Values[k].ToString("R"))) + "]");
                                else
                                    for (int r = 0; r < d.Rows && parts.Count < 12; r++) parts.Add(d.Nulls?[r] == true ? "null" : d.Values[r].ToString("R"));
                            }
                            head = string.Join(" ", parts);
                        }
                        catch (SpectraException e)
                        {
                            head = "ERROR " + e.Kind + ": " + e.Message;
                        }
                    }
                    Console.WriteLine($"   {c.Path} [{c.TypeDescription}] def={c.MaxDefinitionLevel} rep={c.MaxRepetitionLevel} {c.Use} {c.SkipReason}: {head}");
                }
            }
            catch (SpectraException e)
            {
                Console.WriteLine($"   ERROR {e.Kind}: {e.Message}");
            }
        }
        return 0;
    }
}
