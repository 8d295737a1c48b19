using PcDarts.Engine.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Evaluation;

public class AuxiliaryHeadTests
{
    [Fact]
    public void Cifar_head_reads_8x8_and_has_BN_after_both_convs()
    {
        using var scope = torch.NewDisposeScope();
        using var head = new AuxiliaryHeadCifar(576, 10);
        Assert.Equal(new long[] { 3, 10 }, head.call(torch.randn(3, 576, 8, 8)).shape);
        Assert.Equal(576 * 128 + 2 * 128 + 128 * 768 * 4 + 2 * 768 + 768 * 10 + 10, ModelCost.Parameters(head));
    }

    [Fact]
    public void ImageNet_head_reads_768_channels_at_7x7_without_BN_after_the_2x2_conv()
    {
        using var scope = torch.NewDisposeScope();
        using var head = new AuxiliaryHeadImageNet(768, 1000);
        Assert.Equal(new long[] { 2, 1000 }, head.call(torch.randn(2, 768, 7, 7)).shape);
        Assert.Equal(768 * 128 + 2 * 128 + 128 * 768 * 4 + 768 * 1000 + 1000, ModelCost.Parameters(head));
    }
}
