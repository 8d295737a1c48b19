using System.Globalization;

namespace PcDarts.Core.Studies;

/// <summary>
/// A confidence interval for the difference of two means (first minus second) that does not assume equal variances:
/// Welch's t with Welch–Satterthwaite degrees of freedom, ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)),
/// and half-width t(1 − α/2, ν) · √(s₁²/n₁ + s₂²/n₂). Searched and random cells come from different procedures, so
/// their spreads need not match.
/// </summary>
public sealed record WelchInterval(double Low, double High, double DegreesOfFreedom, double Level)
{
    public const double DefaultLevel = 0.95;

    /// <summary>The interval for <paramref name="first"/>'s mean minus <paramref name="second"/>'s; null while either has fewer than two values.</summary>
    public static WelchInterval? Of(MeanStd first, MeanStd second, double level = DefaultLevel)
    {
        if (first is not { N: >= 2, Mean: { } m1, Std: { } s1 } || second is not { N: >= 2, Mean: { } m2, Std: { } s2 }) return null;
        var (v1, v2) = (s1 * s1 / first.N, s2 * s2 / second.N);
        var difference = m1 - m2;
        // Both samples constant: no spread to estimate, the interval is the difference itself.
        if (v1 + v2 == 0) return new(difference, difference, first.N + second.N - 2, level);
        var degrees = (v1 + v2) * (v1 + v2) / (v1 * v1 / (first.N - 1) + v2 * v2 / (second.N - 1));
        var half = StudentT.Quantile(1 - (1 - level) / 2, degrees) * Math.Sqrt(v1 + v2);
        return new(difference - half, difference + half, degrees, level);
    }

    /// <summary>"[-1.80, 9.80]", as the page and the client print it.</summary>
    public string Format(string number = "0.00") =>
        $"[{Low.ToString(number, CultureInfo.InvariantCulture)}, {High.ToString(number, CultureInfo.InvariantCulture)}]";
}
