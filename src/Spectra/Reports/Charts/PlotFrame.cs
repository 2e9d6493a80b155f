namespace Spectra.Reports.Charts;

/// <summary>The plot rectangle on the page and the data ranges its axes show.</summary>
internal sealed class PlotFrame
{
    public double Left { get; private init; }
    public double Top { get; private init; }
    public double Width { get; private init; }
    public double Height { get; private init; }
    public AxisRange X { get; private init; } = null!;
    public AxisRange Y { get; private init; } = null!;
    public double Right => Left + Width;
    public double Bottom => Top + Height;

    public static PlotFrame Create(Chart chart, double left, double top, double width, double height)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var s in chart.Series) Collect(s, xs, ys);
        return new PlotFrame
        {
            Left = left, Top = top, Width = width, Height = height,
            X = AxisRange.Create(chart.X, xs),
            Y = AxisRange.Create(chart.Y, ys),
        };
    }

    public double PageX(double x) => Left + X.Fraction(x) * Width;
    public double PageY(double y) => Bottom - Y.Fraction(y) * Height;

    /// <summary>Whether a point can be placed: finite, and positive on a log axis. Points outside the range are clipped, not dropped.</summary>
    public bool CanPlace(double x, double y) => X.CanPlace(x) && Y.CanPlace(y);

    private static void Collect(ChartSeries series, List<double> xs, List<double> ys)
    {
        switch (series)
        {
            case LineSeries l:
                foreach (var p in l.Points) { xs.Add(p.X); ys.Add(p.Y); }
                break;
            case PointSeries p:
                foreach (var q in p.Points) { xs.Add(q.X); ys.Add(q.Y); }
                break;
            case BarSeries b:
                xs.AddRange(b.Edges);
                ys.AddRange(b.Heights);
                if (b.Heights.Count > 0) ys.Add(0);
                break;
            case PixelGrid g:
                xs.AddRange([0, g.Columns]);
                ys.AddRange([0, g.Rows]);
                break;
            case VerticalMarker v:
                xs.Add(v.X);
                break;
            case HorizontalMarker h:
                ys.Add(h.Y);
                break;
        }
    }
}

/// <summary>The range one axis shows and its ticks.</summary>
internal sealed class AxisRange
{
    public required AxisScale Scale { get; init; }
    public required double Min { get; init; }
    public required double Max { get; init; }
    public required IReadOnlyList<double> Major { get; init; }
    public required IReadOnlyList<double> Minor { get; init; }
    public required Func<double, string> Label { get; init; }

    public bool CanPlace(double v) => double.IsFinite(v) && (Scale == AxisScale.Linear || v > 0);

    public double Fraction(double v) => Scale == AxisScale.Log
        ? (Math.Log10(v) - Math.Log10(Min)) / (Math.Log10(Max) - Math.Log10(Min))
        : (v - Min) / (Max - Min);

    public static AxisRange Create(ChartAxis axis, List<double> values)
    {
        var usable = values.Where(v => double.IsFinite(v) && (axis.Scale == AxisScale.Linear || v > 0)).ToList();
        double lo = usable.Count > 0 ? usable.Min() : axis.Scale == AxisScale.Log ? 1 : 0;
        double hi = usable.Count > 0 ? usable.Max() : axis.Scale == AxisScale.Log ? 10 : 1;
        if (axis.Min is { } fixedMin && double.IsFinite(fixedMin) && (axis.Scale == AxisScale.Linear || fixedMin > 0)) lo = fixedMin;
        if (axis.Max is { } fixedMax && double.IsFinite(fixedMax) && fixedMax > lo) hi = fixedMax;
        if (hi < lo) hi = lo;
        return axis.Scale == AxisScale.Log ? CreateLog(axis, lo, hi) : CreateLinear(axis, lo, hi);
    }

    private static AxisRange CreateLinear(ChartAxis axis, double lo, double hi)
    {
        var (nMin, nMax, step) = NiceTicks.NiceLinearRange(lo, hi);
        var min = axis.Min ?? nMin;
        var max = axis.Max is { } m && m > min ? m : nMax;
        if (max <= min) max = min + step;
        return new AxisRange
        {
            Scale = AxisScale.Linear, Min = min, Max = max,
            Major = NiceTicks.Linear(min, max, step), Minor = Array.Empty<double>(),
            Label = v => NiceTicks.FormatLinear(v, step),
        };
    }

    private static AxisRange CreateLog(ChartAxis axis, double lo, double hi)
    {
        var (nMin, nMax) = NiceTicks.NiceLogRange(lo, hi);
        var min = axis.Min is { } a && a > 0 ? a : nMin;
        var max = axis.Max is { } b && b > min ? b : nMax;
        if (max <= min) max = min * 10;
        var major = NiceTicks.LogMajor(min, max);
        if (major.Count < 2)
        {
            // Less than a decade shown: label the 1-2-5 values instead so the axis still reads.
            var step = NiceTicks.NiceStep(max - min, 5);
            major = NiceTicks.Linear(min, max, step).Where(v => v > 0).ToList();
            return new AxisRange
            {
                Scale = AxisScale.Log, Min = min, Max = max, Major = major, Minor = Array.Empty<double>(),
                Label = v => NiceTicks.FormatLinear(v, step),
            };
        }
        var (paddedMin, paddedMax) = PadLogEdges(axis, lo, hi, min, max);
        return new AxisRange
        {
            Scale = AxisScale.Log, Min = paddedMin, Max = paddedMax, Major = major, Minor = NiceTicks.LogMinor(min, max),
            Label = NiceTicks.FormatLog,
        };
    }

    /// <summary>Share of the axis left free beyond a data point that falls on a whole-decade edge.</summary>
    internal const double LogEdgePadding = 0.03;

    /// <summary>
    /// Whole decades put a point that lies on one (rank 1, λ = 1 on a normalised spectrum) on the frame,
    /// where the axis line hides it; such a side is widened a little. Fixed limits stay as asked.
    /// </summary>
    private static (double Min, double Max) PadLogEdges(ChartAxis axis, double lo, double hi, double min, double max)
    {
        var span = Math.Log10(max / min);
        var pad = LogEdgePadding * span;
        var paddedMin = axis.Min is null && Math.Log10(lo / min) < pad ? min / Math.Pow(10, pad) : min;
        var paddedMax = axis.Max is null && Math.Log10(max / hi) < pad ? max * Math.Pow(10, pad) : max;
        return (paddedMin, paddedMax);
    }
}
