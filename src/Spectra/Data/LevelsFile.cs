namespace Spectra.Data;

/// <summary>
/// A list of levels given as a spectrum: a one-dimensional .npy array, or a text file with one number
/// per line (blank lines and lines starting with '#' are passed over; numpy.savetxt writes this).
/// </summary>
internal static class LevelsFile
{
    /// <summary>Most levels read: the finite-size references simulate GOE draws of the same size.</summary>
    public const int MaxLevels = 200_000;

    /// <summary>Longest text file read (a number per line, with room for long ones).</summary>
    private const long MaxTextBytes = MaxLevels * 64L;

    public static bool IsTextFile(string path) => path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="path"/> is a .npy file holding a one-dimensional array.</summary>
    public static bool IsNpyVector(string path) => NpyCodec.RankOf(path) == 1;

    public static double[] Read(string path)
    {
        try
        {
            var values = IsTextFile(path) ? ReadText(path) : ReadNpy(path);
            for (var i = 0; i < values.Length; i++)
                if (!double.IsFinite(values[i]))
                    throw SpectraException.Invalid($"level {i} is {values[i].ToString(CultureInfo.InvariantCulture)}", path, $"level {i}",
                        "a spectrum holds finite numbers only");
            if (values.Length < 2)
                throw new SpectraException(SpectraErrorKind.NotEnoughData, $"{values.Length} level(s); a spectrum needs at least 2", path);
            if (values.Length > MaxLevels)
                throw new SpectraException(SpectraErrorKind.LimitExceeded, $"{values.Length} levels, more than the {MaxLevels} Spectra reads as a spectrum", path,
                    hint: "analyse a part of the spectrum");
            return values;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SpectraException(SpectraErrorKind.Io, "cannot read the file: " + e.Message, path);
        }
    }

    private static double[] ReadNpy(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > 16L * MaxLevels + (1 << 20))
            throw new SpectraException(SpectraErrorKind.LimitExceeded, $"the file holds {length} bytes, more than {MaxLevels} levels can take", path);
        var bytes = File.ReadAllBytes(path);
        var h = NpyCodec.ReadHeader(bytes, needComplete: true)!;
        if (h.Shape.Length != 1) throw SpectraException.Invalid($"the array has {h.Shape.Length} dimensions; a list of levels has one", path);
        var n = h.Shape[0];
        if (n > MaxLevels)
            throw new SpectraException(SpectraErrorKind.LimitExceeded, $"{n} levels, more than the {MaxLevels} Spectra reads as a spectrum", path);
        if (h.DataStart + n * h.Size > bytes.Length)
            throw SpectraException.Invalid($"the array of {n} levels needs {h.DataStart + n * h.Size} bytes; the file has {bytes.Length}", path,
                hint: "the file is truncated");
        var values = new double[n];
        for (var i = 0; i < n; i++)
            values[i] = NpyCodec.Element(h.Kind, h.Size, h.BigEndian, bytes.AsSpan(h.DataStart + (int)(i * h.Size), h.Size));
        return values;
    }

    private static double[] ReadText(string path)
    {
        var length = new FileInfo(path).Length;
        if (length > MaxTextBytes)
            throw new SpectraException(SpectraErrorKind.LimitExceeded, $"the file holds {length} bytes, more than {MaxLevels} levels take as text", path);
        var values = new List<double>();
        var line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            var text = raw.Trim();
            if (text.Length == 0 || text[0] == '#') continue;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                throw SpectraException.Invalid($"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not a number", path, $"line {line}",
                    "a list of levels holds one number per line");
            values.Add(v);
        }
        return values.ToArray();
    }
}
