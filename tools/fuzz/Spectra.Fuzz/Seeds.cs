namespace Spectra.Fuzz;

/// <summary>The valid files each family's mutations start from: the committed test images, the sample data, and the shared conformance files when present.</summary>
public static class Seeds
{
    public static readonly string[] Families = ["png", "jpeg", "netpbm", "bmp", "npy", "npz", "idx", "fallback", "parquet", "folder", "baseline", "rules", "cli", "csv"];

    /// <summary>Whether a family's mutations are textual (configuration files) rather than binary.</summary>
    public static bool IsText(string family) => family is "baseline" or "rules" or "csv";

    /// <summary>The checkout the seeds are read from (set by --root).</summary>
    public static string Root { get; set; } = ".";

    public static List<(string Name, byte[] Bytes)> For(string family, string root)
    {
        var found = new List<(string, byte[])>();
        void Add(string path)
        {
            if (File.Exists(path) && new FileInfo(path).Length <= 256 << 10) found.Add((Path.GetFileName(path), File.ReadAllBytes(path)));
        }
        void AddAll(string folder, string pattern, int max = 40)
        {
            if (!Directory.Exists(folder)) return;
            foreach (var f in Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(max)) Add(f);
        }
        var data = Path.Combine(root, "tests", "Spectra.Tests", "Data", "Images", "Data");
        var conformance = Path.Combine(root, "..", "shared", "conformance");
        switch (family)
        {
            case "png":
                AddAll(Path.Combine(root, "data-samples", "fields"), "*.png", 2);
                AddAll(Path.Combine(conformance, "images", "pngsuite"), "*.png");
                break;
            case "jpeg":
                AddAll(data, "*.jpg");
                AddAll(Path.Combine(conformance, "images", "jpeg-variants"), "*.jpg");
                break;
            case "netpbm":
                found.Add(("p2.pgm", "P2\n3 2\n65535\n0 1 65535\n300 2 7\n"u8.ToArray()));
                found.Add(("p5.pgm", [.. "P5\n4 2\n255\n"u8, 1, 2, 3, 4, 5, 6, 7, 8]));
                found.Add(("p4.pbm", [.. "P4\n9 2\n"u8, 0xA5, 0x80, 0x5A, 0x00]));
                found.Add(("p7.pam", "P7\nWIDTH 2\nHEIGHT 1\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008"u8.ToArray()));
                break;
            case "bmp":
                AddAll(data, "*.bmp");
                break;
            case "npy":
                AddAll(data, "*.npy");
                break;
            case "npz":
                AddAll(data, "*.npz");
                break;
            case "idx":
                byte[] idx = [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
                found.Add(("images-idx3-ubyte", idx));
                using (var gz = new MemoryStream())
                {
                    using (var z = new System.IO.Compression.GZipStream(gz, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true)) z.Write(idx);
                    found.Add(("images-idx3-ubyte.gz", gz.ToArray()));
                }
                break;
            case "fallback":
                // What the native decoder reads: WebP (lossy, lossless, alpha), GIF (still, animated), ICO, arithmetic JPEG.
                AddAll(data, "*.webp");
                AddAll(data, "*.gif");
                AddAll(data, "*.ico");
                Add(Path.Combine(conformance, "images", "libjpeg-turbo", "testimgari.jpg"));
                Add(Path.Combine(conformance, "datasets", "skimage-data", "no_time_for_that_tiny.gif"));
                break;
            case "folder":
                AddAll(Path.Combine(root, "data-samples", "digits"), "*.png", 12);
                break;
            case "baseline":
                AddAll(Path.Combine(root, "tools", "fuzz", "seeds"), "*.baseline.json");
                break;
            case "rules":
                AddAll(Path.Combine(root, "tools", "fuzz", "seeds"), "*.rules.*");
                break;
            case "cli":
                // Mutated digits through analyze, a mutated baseline or rules file through check.
                AddAll(Path.Combine(root, "data-samples", "digits"), "*.png", 32);
                AddAll(Path.Combine(conformance, "images", "jpeg-variants"), "*.jpg", 4);
                AddAll(Path.Combine(root, "tools", "fuzz", "seeds"), "*.json");
                AddAll(Path.Combine(root, "tools", "fuzz", "seeds"), "*.yaml");
                break;
            case "parquet":
                Add(Path.Combine(root, "data-samples", "embeddings", "embeddings.parquet"));
                AddAll(Path.Combine(conformance, "parquet", "generated"), "*.parquet", 24);
                break;
            case "csv":
                found.Add(("header.csv", "a,b,c,label\n1.5,-2e-3,7,x\n3,4,nan,y\n-inf,0.25,1,\"x,y\"\n"u8.ToArray()));
                found.Add(("plain.csv", "# numpy\n1,2,3\n4,5,6\n\n7,8,9\n"u8.ToArray()));
                found.Add(("table.tsv", "x\ty\tname\r\n1\t2\t\"a\tb\"\r\n3\t\t\"c\"\"d\"\r\n"u8.ToArray()));
                break;
            default:
                throw new ArgumentException($"unknown family '{family}' (one of {string.Join(", ", Families)}, or all)");
        }
        if (found.Count == 0) throw new InvalidOperationException($"no seed files for {family} under {root}");
        return found;
    }
}
