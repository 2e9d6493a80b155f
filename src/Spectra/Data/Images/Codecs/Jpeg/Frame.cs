namespace Spectra.Data.Images.Codecs.Jpeg;

/// <summary>One colour component of a frame and its coefficient blocks (zigzag order, 64 per block).</summary>
internal sealed class Component
{
    public required int Id { get; init; }
    public required int H { get; init; }
    public required int V { get; init; }
    public required int QuantTable { get; init; }

    /// <summary>Blocks covering the component's own samples (what a non-interleaved scan visits).</summary>
    public int BlocksWide { get; set; }
    public int BlocksHigh { get; set; }

    /// <summary>Blocks allocated: whole MCUs (what an interleaved scan visits).</summary>
    public int BlocksPerLine { get; set; }
    public int BlocksPerColumn { get; set; }

    /// <summary>Samples of the component: ceil(image side × factor / max factor).</summary>
    public int Width { get; set; }
    public int Height { get; set; }

    public short[] Coefficients { get; set; } = [];
    public int DcPredictor { get; set; }

    public int BlockOffset(int row, int col) => (row * BlocksPerLine + col) * 64;
}

/// <summary>The SOF segment: size, precision, progressive or not, the components and their MCU layout.</summary>
internal sealed class Frame
{
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required bool Progressive { get; init; }
    public required Component[] Components { get; init; }
    public int MaxH { get; private set; }
    public int MaxV { get; private set; }
    public int McusWide { get; private set; }
    public int McusHigh { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    /// <param name="fileBytes">The file's length: every block of a component needs at least one bit of its scans, so no more blocks than that can be real.</param>
    public void Layout(ImageDecodeLimits limits, long fileBytes)
    {
        foreach (var c in Components)
        {
            MaxH = Math.Max(MaxH, c.H);
            MaxV = Math.Max(MaxV, c.V);
        }
        McusWide = (Width + 8 * MaxH - 1) / (8 * MaxH);
        McusHigh = (Height + 8 * MaxV - 1) / (8 * MaxV);
        long total = 0;
        foreach (var c in Components)
        {
            c.Width = (int)(((long)Width * c.H + MaxH - 1) / MaxH);
            c.Height = (int)(((long)Height * c.V + MaxV - 1) / MaxV);
            c.BlocksWide = (c.Width + 7) / 8;
            c.BlocksHigh = (c.Height + 7) / 8;
            c.BlocksPerLine = McusWide * c.H;
            c.BlocksPerColumn = McusHigh * c.V;
            total += (long)c.BlocksPerLine * c.BlocksPerColumn * 64;
        }
        // Coefficient storage (block padding included) may be at most six coefficients per allowed pixel:
        // ample for any real image, and it keeps a hostile header from buying memory with padding.
        if (total > 6 * limits.MaxPixels + 65536 || total > Array.MaxLength)
            throw new SpectraException(SpectraErrorKind.LimitExceeded, "JPEG frame needs more coefficient memory than the pixel limit allows");
        long fewest = long.MaxValue;
        foreach (var c in Components) fewest = Math.Min(fewest, (long)c.BlocksWide * c.BlocksHigh);
        if (fewest > 8 * fileBytes)
            throw SpectraException.Invalid($"JPEG frame claims {Width} × {Height} pixels, more 8 × 8 blocks than the file's {fileBytes} bytes can code",
                hint: "the file is truncated or its header is corrupt; re-export or re-download it");
        // The decode's peak holds the coefficients beside a full-size plane per component and the 16-bit
        // samples made from them (3 bytes a pixel per component): checking the coefficients alone let a
        // header claiming 256 × 33 024 pixels take 100 MB under a 64 MB budget.
        MemoryBudget.Current.Check(2.0 * total + 3.0 * Width * Height * Components.Length,
            $"the JPEG coefficients and decoded planes ({Width} × {Height} pixels)");
        // Pooled: a folder of small JPEGs would otherwise allocate (and the GC clear) these for every file.
        foreach (var c in Components)
        {
            int n = c.BlocksPerLine * c.BlocksPerColumn * 64;
            c.Coefficients = ArrayPool<short>.Shared.Rent(n);
            Array.Clear(c.Coefficients, 0, n);
        }
    }
}
