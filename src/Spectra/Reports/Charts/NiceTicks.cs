namespace Spectra.Reports.Charts;

/// <summary>Tick positions and labels a reader can parse at a glance: steps of 1, 2 or 5 × 10^k, and decades on log axes.</summary>
internal static class NiceTicks
{
    /// <summary>A step of 1, 2, 2.5 or 5 × 10^k close to range / target.</summary>
    public static double NiceStep(double range, int target)
    {
        if (!(range > 0) || !double.IsFinite(range)) return 1;
        var raw = range / Math.Max(1, target);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>The data range widened outward to whole steps.</summary>
    public static (double Min, double Max, double Step) NiceLinearRange(double min, double max, int target = 6)
    {
        if (min == max)
        {
            var pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        var step = NiceStep(max - min, target);
        return (Math.Floor(min / step + 1e-9) * step, Math.Ceiling(max / step - 1e-9) * step, step);
    }

    /// <summary>Ticks from min to max (inclusive) at multiples of step.</summary>
    public static IReadOnlyList<double> Linear(double min, double max, double step)
    {
        var ticks = new List<double>();
        var first = Math.Ceiling(min / step - 1e-9);
        var last = Math.Floor(max / step + 1e-9);
        for (var k = first; k <= last && ticks.Count < 1000; k++)
        {
            var t = k * step;
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    /// <summary>Decade ticks (10^k) between min and max, both &gt; 0, thinned to at most ~8 labels.</summary>
    public static IReadOnlyList<double> LogMajor(double min, double max)
    {
        var lo = (int)Math.Ceiling(Math.Log10(min) - 1e-9);
        var hi = (int)Math.Floor(Math.Log10(max) + 1e-9);
        var every = Math.Max(1, (int)Math.Ceiling((hi - lo + 1) / 8.0));
        var ticks = new List<double>();
        for (var k = lo; k <= hi; k++)
            if ((k - lo) % every == 0) ticks.Add(Math.Pow(10, k));
        return ticks;
    }

    /// <summary>The 2…9 × 10^k ticks between min and max, drawn unlabelled when few decades are shown.</summary>
    public static IReadOnlyList<double> LogMinor(double min, double max)
    {
        var ticks = new List<double>();
        var lo = (int)Math.Floor(Math.Log10(min));
        var hi = (int)Math.Ceiling(Math.Log10(max));
        if (hi - lo > 6) return ticks;
        for (var k = lo; k <= hi; k++)
            for (var m = 2; m <= 9; m++)
            {
                var t = m * Math.Pow(10, k);
                if (t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9)) ticks.Add(t);
            }
        return ticks;
    }

    /// <summary>The data range widened to whole decades.</summary>
    public static (double Min, double Max) NiceLogRange(double min, double max)
    {
        var lo = Math.Floor(Math.Log10(min) + 1e-9);
        var hi = Math.Ceiling(Math.Log10(max) - 1e-9);
        if (hi <= lo) hi = lo + 1;
        return (Math.Pow(10, lo), Math.Pow(10, hi));
    }

    /// <summary>A linear tick label with as many decimals as the step needs.</summary>
    public static string FormatLinear(double value, double step)
    {
        var decimals = Math.Clamp((int)Math.Ceiling(-Math.Log10(step) - 1e-9), 0, 10);
        if (step * Math.Pow(10, decimals) % 1 > 1e-6) decimals++;
        if (Math.Abs(value) >= 1e6 || (value != 0 && Math.Abs(value) < 1e-4))
            return value.ToString("0.###e0", CultureInfo.InvariantCulture);
        return value.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    /// <summary>A decade label: plain for 10^-3 … 10^4, "1e-7" style beyond.</summary>
    public static string FormatLog(double value)
    {
        var k = (int)Math.Round(Math.Log10(value));
        if (k >= 0 && k <= 4) return "1" + new string('0', k);
        if (k < 0 && k >= -3) return "0." + new string('0', -k - 1) + "1";
        return "1e" + k.ToString(CultureInfo.InvariantCulture);
    }
}
