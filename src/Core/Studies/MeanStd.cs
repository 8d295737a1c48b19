using System.Globalization;

namespace PcDarts.Core.Studies;

/// <summary>
/// The mean, the sample standard deviation (n − 1 in the denominator, as seed-to-seed spreads are reported) and the
/// count of the values that exist. <see cref="Std"/> is null below two values; <see cref="Mean"/> is null with none.
/// </summary>
public sealed record MeanStd(double? Mean, double? Std, int N)
{
    public static MeanStd Of(IEnumerable<double?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        if (present.Length == 0) return new(null, null, 0);
        var mean = present.Average();
        double? std = present.Length < 2 ? null : Math.Sqrt(present.Sum(v => (v - mean) * (v - mean)) / (present.Length - 1));
        return new(mean, std, present.Length);
    }

    /// <summary>The same values in another unit (bytes as MiB, say): mean and std times <paramref name="factor"/>.</summary>
    public MeanStd Scaled(double factor) => new(Mean * factor, Std * factor, N);

    /// <summary>"91.20 ± 0.35 (n=3)"; "—" with no values.</summary>
    public string Format(string number = "0.00") => Mean is not { } mean
        ? "—"
        : Std is { } std ? $"{Text(mean, number)} ± {Text(std, number)} (n={N})" : $"{Text(mean, number)} (n={N})";

    private static string Text(double value, string number) => value.ToString(number, CultureInfo.InvariantCulture);
}
