using System.Globalization;
using Spectra.Bench;

// Whole-process side-by-side benchmarks; the Python side is ../linalg.py, and ../run.sh runs both.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: Spectra.Bench eigvalsh N [managed] | covariance M D | pipeline M D | streaming M D CHUNK | bytes M D | hash [MB]");
    return 2;
}
return args[0] switch
{
    "eigvalsh" => LinearAlgebraBench.Eigenvalues(int.Parse(args[1]), args.Length > 2 && args[2] == "managed"),
    "covariance" => LinearAlgebraBench.Covariance(int.Parse(args[1]), int.Parse(args[2]), args.Length > 3 && args[3] == "managed"),
    "pipeline" => LinearAlgebraBench.Pipeline(int.Parse(args[1]), int.Parse(args[2])),
    "streaming" => LinearAlgebraBench.Streaming(long.Parse(args[1]), int.Parse(args[2]), int.Parse(args[3])),
    "bytes" => LinearAlgebraBench.ExactBytes(int.Parse(args[1]), int.Parse(args[2])),
    "hash" => HashBench.Run(args.Length > 1 ? int.Parse(args[1]) : 256),
    _ => 2,
};
