using Spectra.Data;
using System.Globalization;
using Spectra.Fluent;
using Spectra.Pipeline;

// Image-loader benchmark, the Spectra side of tools/benchmarks/images/bench.sh (the Python side is bench_images.py).
//   decode PATH     read every image (decode, gray, scale to [0,1]) and discard the rows
//   resize PATH WxH gray|rgb [draft]  the same, resized (box average) to W x H, as --resize, --color and --jpeg-draft say
//   spectrum PATH   end to end: decode, gray, scale, centre, covariance, all eigenvalues
//   jpeg-stages PATH WxH gray|rgb [ROUNDS]  where a reduced-scale JPEG decode's time goes, one thread (JpegStages.cs)
//   png-vs-skia PATH [ROUNDS]  the folder's PNGs decoded from memory by Spectra and by SkiaSharp (PngSideBySide.cs)
// Prints "key value" lines: ms_open (walk and header pass), seconds, images, images_per_s, peak_mb, allocated_mb, gc_collections (gen 0/1/2), gc_pause_ms,
// and for spectrum the top eigenvalue.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Length is 2 or 3 && args[0] == "png-vs-skia") return PngSideBySide.Run(args[1], args.Length == 3 ? int.Parse(args[2]) : 7);
if (args.Length is 4 or 5 && args[0] == "jpeg-stages")
    return JpegStages.Run(args[1], int.Parse(args[2].Split('x')[0]), int.Parse(args[2].Split('x')[1]), args[3] == "rgb", args.Length == 5 ? int.Parse(args[4]) : 3);
var request = Spectra.Jobs.AnalysisRequest.Default;
if (args.Length is 4 or 5 && args[0] == "resize")
{
    // resize PATH WxH gray|rgb [draft]: what `spectra analyze PATH --resize WxH --color C [--jpeg-draft]` reads.
    var size = args[2].Split('x').Select(int.Parse).ToArray();
    request = request with
    {
        Resize = (size[0], size[1]),
        Color = args[3] == "rgb" ? Spectra.Data.Images.ImageColorMode.Rgb : Spectra.Data.Images.ImageColorMode.Gray,
        JpegDraft = args.Length == 5 && args[4] == "draft",
    };
}
else if (args.Length != 2 || args[0] is not ("decode" or "spectrum"))
{
    Console.Error.WriteLine("usage: Spectra.ImageBench decode|spectrum PATH | resize PATH WxH gray|rgb [draft]");
    return 2;
}
var watch = Stopwatch.StartNew();
// Opened the way `spectra analyze` opens its input: the kind is detected, and the backend resolves alongside.
var source = request.Open(args[1]);
Console.WriteLine($"ms_open {watch.Elapsed.TotalMilliseconds:F1}");
long images = 0;
double top = double.NaN;
if (args[0] is "decode" or "resize")
{
    foreach (var chunk in source.ReadChunks(4096)) images += chunk.Rows;
}
else
{
    var options = new SpectrumOptions
    {
        Matrix = MatrixRequest.Covariance, Realisations = 0, DetectDuplicates = false,
    };
    var result = SpectrumPipeline.Run(source, options);
    images = result.Spectrum.Provenance.Samples;
    top = result.Spectrum.All[^1];
    Console.WriteLine($"backend {result.Spectrum.Provenance.Backend.Name}:{result.Spectrum.Provenance.Backend.Library}");
    foreach (var (k, v) in result.Spectrum.Provenance.TimingsMs) Console.WriteLine($"ms_{k} {v}");
}
watch.Stop();
using var self = Process.GetCurrentProcess();
self.Refresh();
Console.WriteLine($"seconds {watch.Elapsed.TotalSeconds:F3}");
Console.WriteLine($"images {images}");
Console.WriteLine($"images_per_s {images / watch.Elapsed.TotalSeconds:F0}");
Console.WriteLine($"cpu_s {self.TotalProcessorTime.TotalSeconds:F3}");
Console.WriteLine($"peak_mb {self.PeakWorkingSet64 / 1048576.0:F0}");
Console.WriteLine($"allocated_mb {GC.GetTotalAllocatedBytes() / 1048576.0:F0}");
Console.WriteLine($"gc_collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
Console.WriteLine($"gc_pause_ms {GC.GetTotalPauseDuration().TotalMilliseconds:F1}");
if (!double.IsNaN(top)) Console.WriteLine($"top_eigenvalue {top:R}");
return 0;
