namespace PcDarts.Web.Components.Charts;

public readonly record struct ChartPoint(double X, double Y);

/// <summary>One line of a <see cref="LineChart"/>; points need not be sorted, non-finite ones are skipped.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<ChartPoint> Points, bool Dashed = false);

/// <summary>Axis ticks at 1, 2 or 5 × 10^n steps, so labels read as round numbers.</summary>
public static class Ticks
{
    public static IReadOnlyList<double> Nice(double min, double max, int target = 5)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max)) return [];
        if (max <= min) return [min];
        var raw = (max - min) / Math.Max(target, 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (raw / magnitude) switch { < 1.5 => 1, < 3.5 => 2, < 7.5 => 5, _ => 10 } * magnitude;
        var ticks = new List<double>();
        for (var t = Math.Ceiling(min / step) * step; t <= max + step * 1e-9; t += step) ticks.Add(Math.Round(t / step) * step);
        return ticks;
    }
}
