using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Evaluation;

public class EvalNetworkTests
{
    [Theory]
    [InlineData(3, true)]
    [InlineData(1, true)]
    [InlineData(3, false)]
    public void Cifar_network_gives_logits_and_aux_logits_only_in_training(int inputChannels, bool auxiliary)
    {
        using var scope = torch.NewDisposeScope();
        using var network = EvalNetwork.Create(
            new EvalNetworkOptions(NetworkShapes.Cifar, 8, 5, 10, inputChannels, auxiliary), PublishedGenotypes.PC_DARTS_cifar, CPU);
        Assert.IsType<EvalNetworkCifar>(network);
        var x = torch.randn(2, inputChannels, 32, 32);
        var (logits, auxLogits) = network.call(x);
        Assert.Equal(new long[] { 2, 10 }, logits.shape);
        if (auxiliary) Assert.Equal(new long[] { 2, 10 }, auxLogits!.shape);
        else Assert.Null(auxLogits);
        network.eval();
        Assert.Null(network.call(x).AuxLogits);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void ImageNet_network_gives_logits_and_aux_logits(int inputChannels)
    {
        using var scope = torch.NewDisposeScope();
        using var network = EvalNetwork.Create(
            new EvalNetworkOptions(NetworkShapes.ImageNet, 8, 3, 7, inputChannels, Auxiliary: true), PublishedGenotypes.PC_DARTS_image, CPU);
        Assert.IsType<EvalNetworkImageNet>(network);
        // 224 → 28 in the stem, 7×7 after the second reduction, where the tower reads.
        var (logits, auxLogits) = network.call(torch.randn(2, inputChannels, 224, 224));
        Assert.Equal(new long[] { 2, 7 }, logits.shape);
        Assert.Equal(new long[] { 2, 7 }, auxLogits!.shape);
    }

    [Theory]
    [MemberData(nameof(PublishedNames))]
    public void Every_published_genotype_builds_and_runs(string name)
    {
        using var scope = torch.NewDisposeScope();
        using var network = EvalNetwork.Create(
            new EvalNetworkOptions(NetworkShapes.Cifar, 8, 3, 10, 3, Auxiliary: false), PublishedGenotypes.Get(name), CPU);
        Assert.Equal(new long[] { 2, 10 }, network.call(torch.randn(2, 3, 16, 16)).Logits.shape);
    }

    public static TheoryData<string> PublishedNames() => new(PublishedGenotypes.Names);

    [Fact]
    public void Small_network_has_the_parameter_count_worked_out_by_hand()
    {
        using var network = EvalNetwork.Create(new EvalNetworkOptions(NetworkShapes.Cifar, 4, 3, 10, 3, Auxiliary: true), HandCounted, CPU);
        // Affine BN adds 2 per channel; convs have no bias.
        static int SepConv(int c, int k) => 2 * (k * k * c + c * c + 2 * c);
        static int DilConv(int c, int k) => k * k * c + c * c + 2 * c;
        static int Preprocess(int cin, int cout) => cin * cout + 2 * cout; // ReLUConvBN 1×1 and FactorizedReduce alike
        var stem = 3 * 12 * 9 + 2 * 12;
        var cell0 = 2 * Preprocess(12, 4) + SepConv(4, 3) + DilConv(4, 3);                                   // normal, C = 4
        var cell1 = 2 * Preprocess(12, 8) + 2 * Preprocess(8, 8) + SepConv(8, 5) + DilConv(8, 5);           // reduce, C = 8; two stride-2 skips
        var cell2 = Preprocess(12, 16) + Preprocess(24, 16) + 2 * Preprocess(16, 16) + SepConv(16, 5) + DilConv(16, 5); // reduce after reduce
        var classifier = 48 * 10 + 10;
        var auxiliary = 48 * 128 + 2 * 128 + 128 * 768 * 4 + 2 * 768 + 768 * 10 + 10;
        var cost = ModelCost.Measure(network, 16);
        Assert.Equal(stem + cell0 + cell1 + cell2 + classifier, cost.Parameters);
        Assert.Equal(auxiliary, cost.AuxiliaryParameters);
    }

    /// <summary>Three nodes mixing every kind of op, with both cell inputs skipped at stride 2 in the reduction cell.</summary>
    private static readonly Genotype HandCounted = Genotype.Parse(
        "Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1), ('max_pool_3x3', 0), ('dil_conv_3x3', 2), ('skip_connect', 3), ('avg_pool_3x3', 1)], normal_concat=range(2, 5), " +
        "reduce=[('max_pool_3x3', 0), ('skip_connect', 1), ('sep_conv_5x5', 2), ('skip_connect', 0), ('dil_conv_5x5', 3), ('avg_pool_3x3', 1)], reduce_concat=range(2, 5))");
}
