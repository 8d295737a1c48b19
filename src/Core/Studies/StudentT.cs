namespace PcDarts.Core.Studies;

/// <summary>
/// Student's t distribution for any positive degrees of freedom (Welch's are rarely whole): the CDF through the
/// regularized incomplete beta function, the quantile by bisection on it. Written here rather than taken from a
/// statistics package because Core depends on nothing, and one quantile per study page is cheap.
/// </summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) for T with <paramref name="degreesOfFreedom"/>.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        // The two tails beyond ±t together are I_x(ν/2, 1/2) with x = ν / (ν + t²).
        var tails = IncompleteBeta.Regularized(degreesOfFreedom / 2, 0.5, degreesOfFreedom / (degreesOfFreedom + t * t));
        return t >= 0 ? 1 - tails / 2 : tails / 2;
    }

    /// <summary>The t with P(T ≤ t) = <paramref name="p"/>, to about 1e-10 relative.</summary>
    public static double Quantile(double p, double degreesOfFreedom)
    {
        if (p is <= 0 or >= 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "expected a probability strictly between 0 and 1");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(degreesOfFreedom);
        if (p < 0.5) return -Quantile(1 - p, degreesOfFreedom);
        if (p == 0.5) return 0;
        var (low, high) = (0.0, 1.0);
        while (Cdf(high, degreesOfFreedom) < p) (low, high) = (high, high * 2);
        for (var i = 0; i < 200 && high - low > 1e-12 * high; i++)
        {
            var middle = (low + high) / 2;
            if (Cdf(middle, degreesOfFreedom) < p) low = middle;
            else high = middle;
        }
        return (low + high) / 2;
    }
}
