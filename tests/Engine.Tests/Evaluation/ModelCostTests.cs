using PcDarts.Engine.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Evaluation;

public class ModelCostTests
{
    private static nn.Module<Tensor, Tensor> Small() => nn.Sequential(
        ("conv", nn.Conv2d(3, 8, 3, padding: 1, bias: false)),
        ("bn", nn.BatchNorm2d(8)),
        ("depthwise", nn.Conv2d(8, 8, 3, stride: 2, padding: 1, groups: 8, bias: false)),
        ("flatten", nn.Flatten()),
        ("linear", nn.Linear(8 * 4 * 4, 10)));

    [Fact]
    public void Parameters_count_weights_biases_and_affine_BN_but_not_running_stats()
    {
        using var network = Small();
        Assert.Equal(8 * 3 * 9 + 2 * 8 + 8 * 9 + 128 * 10 + 10, ModelCost.Parameters(network));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Multiply_adds_count_conv_and_linear_work_per_image(int batch)
    {
        using var network = Small();
        var macs = ModelCost.MultiplyAdds(network, () => network.call(torch.randn(batch, 3, 8, 8)));
        // conv: 8×8×8 outputs × 3·3·3; depthwise: 8×4×4 outputs × 1·3·3; linear: 128 × 10.
        Assert.Equal(8 * 8 * 8 * 27 + 8 * 4 * 4 * 9 + 128 * 10, macs);
    }

    [Fact]
    public void Measuring_leaves_no_hooks_and_restores_training_mode()
    {
        using var network = Small();
        network.train();
        var first = ModelCost.MultiplyAdds(network, () => network.call(torch.randn(1, 3, 8, 8)));
        Assert.True(network.training);
        Assert.Equal(first, ModelCost.MultiplyAdds(network, () => network.call(torch.randn(1, 3, 8, 8))));
    }
}
