using System.Globalization;
using Spectra.Fuzz;

// spectra fuzz: seeded mutation fuzzing of the codecs, the Parquet reader, the baseline and rule parsers and the command line.
//   dotnet run -c Release --project tools/fuzz/Spectra.Fuzz -- [--family F[,F...]|all] [--cases N] [--seed S] [--keep DIR] [--root DIR] [--progress SECONDS]
//   dotnet run -c Release --project tools/fuzz/Spectra.Fuzz -- --replay DIR   (the kept inputs of DIR, under the same budgets)
// --cases is per family; the folder family reads a folder of digits and one mutated file with skip-invalid, the cli family runs analyze and check on one. Exit 0 when no case escaped, hung, ran over 5 s or allocated over 64 MB; 1 otherwise.
var family = "all";
long cases = 1000;
int seed = 1;
string? keep = null;
string? replay = null;
TimeSpan? progress = null;
string root = FindRoot();
for (int a = 0; a < args.Length; a++)
{
    string Value() => a + 1 < args.Length ? args[++a] : throw new ArgumentException($"{args[a]} needs a value");
    switch (args[a])
    {
        case "--family": family = Value(); break;
        case "--cases": cases = long.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--keep": keep = Value(); break;
        case "--replay": replay = Value(); break;
        case "--root": root = Value(); break;
        case "--progress": progress = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)); break;
        default:
            Console.Error.WriteLine($"unknown argument {args[a]}; use --family png|jpeg|netpbm|bmp|npy|npz|idx|fallback|parquet|folder|baseline|rules|cli|all --cases N --seed S --keep DIR");
            return 2;
    }
}

Seeds.Root = root;
if (replay is not null)
{
    var (failures, replayed) = Regressions.Replay(replay, root);
    foreach (var f in failures) Console.WriteLine("  " + f);
    Console.WriteLine($"replayed {replayed} kept input(s), {failures.Count} failing");
    return failures.Count == 0 ? 0 : 1;
}
bool clean = true;
foreach (var f in family == "all" ? Seeds.Families : family.Split(','))
{
    var s = new Runner(f, Seeds.For(f, root), seed, keep, progress).Run(cases);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{s.Family,-8} cases {s.Cases,9}  decoded {s.Decoded,8}  rejected {s.Rejected,8}  escapes {s.Escapes}  slow {s.Slow}  heavy {s.Heavy}  worst {s.WorstBytes / 1048576.0:0.0} MB, {s.WorstMs:0} ms  {s.Seconds:0.0} s"));
    Console.WriteLine($"         worst allocation: {s.WorstBytesCase}");
    Console.WriteLine($"         worst time:       {s.WorstMsCase}");
    foreach (var finding in s.Findings.Take(20)) Console.WriteLine("  " + finding);
    clean &= s.Findings.Count == 0;
}
return clean ? 0 : 1;

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "Spectra.sln"))) return d.FullName;
    return Directory.GetCurrentDirectory();
}
