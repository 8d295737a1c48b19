using PcDarts.Core.Studies;

namespace PcDarts.Core.Tests.Studies;

public sealed class StudentTTests
{
    [Theory]
    // Two-sided 95 % critical values from the published t table; a million degrees of freedom is the normal's 1.959964.
    [InlineData(1, 12.7062)]
    [InlineData(2, 4.3027)]
    [InlineData(4, 2.7764)]
    [InlineData(10, 2.2281)]
    [InlineData(30, 2.0423)]
    [InlineData(1e6, 1.9600)]
    public void The_975_quantile_matches_the_table(double degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(0.975, degreesOfFreedom), 4);

    [Fact]
    public void Quantiles_are_symmetric_and_invert_the_cdf()
    {
        Assert.Equal(0, StudentT.Quantile(0.5, 3));
        Assert.Equal(-StudentT.Quantile(0.9, 7.3), StudentT.Quantile(0.1, 7.3), 10);
        // One degree of freedom is the Cauchy distribution: F(t) = 1/2 + atan(t)/π.
        Assert.Equal(0.5 + Math.Atan(2.5) / Math.PI, StudentT.Cdf(2.5, 1), 12);
        Assert.Equal(0.99, StudentT.Cdf(StudentT.Quantile(0.99, 2.5), 2.5), 10);
    }

    [Fact]
    public void A_fractional_degree_of_freedom_lies_between_its_neighbours()
    {
        // 3.5747 by numerical integration of the t density at ν = 2.5.
        Assert.Equal(3.5747, StudentT.Quantile(0.975, 2.5), 3);
        Assert.InRange(StudentT.Quantile(0.975, 2.5), StudentT.Quantile(0.975, 3), StudentT.Quantile(0.975, 2));
    }
}
