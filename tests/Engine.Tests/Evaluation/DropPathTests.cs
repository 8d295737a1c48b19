using PcDarts.Engine.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Evaluation;

public class DropPathTests
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.6)]
    public void Drops_about_p_of_the_samples_and_scales_the_survivors(double p)
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(1);
        const int samples = 20000;
        var y = DropPath.Apply(torch.ones(samples, 2, 3, 3), p);
        // A whole sample is either all zero or all 1/(1 − p).
        var perSample = y.view(samples, -1);
        var dropped = perSample.eq(0).all(1);
        var kept = perSample.sub(1 / (1 - p)).abs().lt(1e-5).all(1);
        Assert.True(dropped.logical_or(kept).all().item<bool>());
        var fraction = dropped.to_type(ScalarType.Float32).mean().item<float>();
        // Binomial standard deviation at 20000 samples is at most 0.0035.
        Assert.InRange(fraction, p - 0.02, p + 0.02);
    }

    [Fact]
    public void Zero_probability_returns_the_input()
    {
        using var scope = torch.NewDisposeScope();
        var x = torch.randn(4, 2, 3, 3);
        Assert.Same(x, DropPath.Apply(x, 0));
    }
}
