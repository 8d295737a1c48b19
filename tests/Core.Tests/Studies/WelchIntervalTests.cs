using PcDarts.Core.Studies;

namespace PcDarts.Core.Tests.Studies;

public sealed class WelchIntervalTests
{
    [Fact]
    public void Equal_spreads_and_sizes_give_the_pooled_textbook_interval()
    {
        // {1,2,3} vs {4,5,6}: s = 1 each, se = √(2/3), ν = 4 exactly, t(0.975, 4) = 2.776445.
        var interval = WelchInterval.Of(MeanStd.Of([1.0, 2, 3]), MeanStd.Of([4.0, 5, 6]))!;

        Assert.Equal(4, interval.DegreesOfFreedom, 10);
        Assert.Equal(-3 - 2.776445 * Math.Sqrt(2.0 / 3), interval.Low, 5);
        Assert.Equal(-3 + 2.776445 * Math.Sqrt(2.0 / 3), interval.High, 5);
        Assert.Equal(0.95, interval.Level);
    }

    [Fact]
    public void Unequal_spreads_use_welch_satterthwaite_degrees_of_freedom()
    {
        // Means 91.9 and 87.9 (difference 4.0); ν = 2.503 by the Welch–Satterthwaite formula; the ends from the
        // t quantile at that ν found by integrating the density numerically (3.57159).
        var interval = WelchInterval.Of(MeanStd.Of([91.2, 92.5, 90.8, 93.1]), MeanStd.Of([88.0, 90.5, 85.2]))!;

        Assert.Equal(2.502999, interval.DegreesOfFreedom, 5);
        Assert.Equal(-1.79765, interval.Low, 3);
        Assert.Equal(9.79765, interval.High, 3);
    }

    [Fact]
    public void Fewer_than_two_values_on_either_side_give_no_interval()
    {
        Assert.Null(WelchInterval.Of(MeanStd.Of([1.0]), MeanStd.Of([1.0, 2])));
        Assert.Null(WelchInterval.Of(MeanStd.Of([1.0, 2]), MeanStd.Of([])));
    }

    [Fact]
    public void Two_constant_samples_give_the_difference_itself()
    {
        var interval = WelchInterval.Of(MeanStd.Of([5.0, 5]), MeanStd.Of([3.0, 3, 3]))!;

        Assert.Equal((2.0, 2.0), (interval.Low, interval.High));
    }
}
