namespace Spectra.Studies.SingleImage;

/// <summary>
/// Each image as a matrix (pixel rows × columns, columns centred): its singular-value spectrum goes
/// through the same pipeline and statistics as a dataset's, and the results are aggregated over the
/// images of a folder. The k-th-order spacing ratios (k = 1 … K) show at which range the levels stop
/// looking like GOE: a turbulence snapshot can repel at short range and deviate at longer range.
/// </summary>
internal static class SingleImageStudy
{
    /// <param name="source">One row per image, flattened row-major (height, width, channel).</param>
    /// <param name="height">Pixel rows of every image (e.g. <c>ImageFolderSource.ImageHeight</c>).</param>
    /// <param name="width">Pixel columns of every image.</param>
    public static SingleImageResult Run(IDataSource source, int height, int width, SingleImageOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= SingleImageOptions.Default;
        options.Validate();
        var d = source.Features;
        if (height < 1 || width < 1 || d % ((long)height * width) != 0)
            throw new SpectraException(SpectraErrorKind.InvalidInput,
                $"{d} values per sample do not form images of {height} × {width} pixels (times a channel count)", source.Header.Path,
                hint: "give the image height and width, or resize the images to one common size");
        var columns = d / height;
        var spectrumOptions = new SpectrumOptions { Matrix = MatrixRequest.Covariance };

        var perImage = new List<ImageSpectrum>();
        var used = new List<(double[] Bulk, int NonZero, HeadlineStatistics Stats)>();
        long index = 0;
        foreach (var chunk in source.ReadChunks(Math.Max(1, (int)Math.Min(256, (64L << 20) / (8L * d))), null, cancellationToken))
        {
            for (var r = 0; r < chunk.Rows; r++, index++)
            {
                if (options.MaxImages > 0 && index >= options.MaxImages) break;
                var name = chunk.RowName(r, index);
                var pixels = chunk.Row(r).ToArray();
                var image = new InMemorySource(pixels, height, columns, name: name);
                var spectrum = StudySpectra.Of(image, spectrumOptions, cancellationToken);
                var bulk = spectrum.Bulk(options.Headline.KTop, options.Headline.KBottom);
                if (bulk.Count < options.MinimumLevels)
                {
                    perImage.Add(new ImageSpectrum(name, spectrum.NonZero.Count, null,
                        string.Create(CultureInfo.InvariantCulture,
                            $"not enough levels: {spectrum.NonZero.Count} non-zero singular values leave {bulk.Count} bulk levels, at least {options.MinimumLevels} are needed")));
                    continue;
                }
                var stats = Headline.Of(spectrum, options.Headline);
                perImage.Add(new ImageSpectrum(name, spectrum.NonZero.Count, stats, null));
                used.Add((bulk.Levels, spectrum.NonZero.Count, stats));
            }
            if (options.MaxImages > 0 && index >= options.MaxImages) break;
        }
        if (perImage.Count == 0)
            throw new SpectraException(SpectraErrorKind.NotEnoughData, "no image was read", source.Header.Path);
        if (used.Count == 0)
            throw new SpectraException(SpectraErrorKind.NotEnoughData,
                $"not enough levels: {perImage[0].Skipped}{(perImage.Count > 1 ? $" (and likewise for all {perImage.Count} images)" : "")}",
                source.Header.Path, hint: "a separable or low-rank image has only a few non-zero singular values; use larger or richer images");

        var data = OrderReferences.Pooled.Empty(options.MaxOrder);
        foreach (var u in used) data.Add(Unfolder.Unfold(u.Bulk, options.Headline.Unfolding).Levels, options.MaxOrder);
        var (goe, poisson) = OrderReferences.Simulate(used.Select(u => u.NonZero).ToArray(), options.Headline.KTop, options.Headline.KBottom,
            options.MaxOrder, options.ReferenceDraws, options.Seed, options.Headline.Unfolding.TrimFraction);
        var orders = new List<OrderRatio>();
        for (var k = 1; k <= options.MaxOrder; k++)
        {
            var (mean, se) = data.Of(k);
            var (gm, gse) = goe.Of(k);
            var (pm, pse) = poisson.Of(k);
            if (!double.IsFinite(mean) || !double.IsFinite(gm) || !double.IsFinite(pm)) break;
            var combined = Math.Sqrt(se * se + gse * gse);
            var z = combined > 0 ? (mean - gm) / combined : 0;
            orders.Add(new OrderRatio(k, (int)data.Count[k - 1], mean, se, gm, gse, pm, pse, z, Math.Abs(z) > options.DepartureSigmas));
        }
        var departure = orders.FirstOrDefault(o => o.DepartsFromGoe)?.Order;
        var summary = departure switch
        {
            null => string.Create(CultureInfo.InvariantCulture, $"GOE-like at every order k = 1 … {orders.Count} (|z| ≤ {options.DepartureSigmas})"),
            1 => "departs from GOE already at nearest neighbours (k = 1)",
            _ => string.Create(CultureInfo.InvariantCulture, $"GOE-like up to k = {departure - 1}, departs from GOE at k = {departure}: correlated at short range, not at longer range"),
        };
        return new SingleImageResult(perImage.Count, height, columns, used.Count, perImage,
            Spread.Of(used.Select(u => u.Stats.Alpha)), Spread.Of(used.Select(u => u.Stats.NormalizedEntropy)), orders, departure, summary);
    }
}
