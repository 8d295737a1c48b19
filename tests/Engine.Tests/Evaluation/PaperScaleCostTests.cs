using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Evaluation;
using TorchSharp;
using Xunit.Abstractions;

namespace PcDarts.Engine.Tests.Evaluation;

/// <summary>The sizes the paper reports for its evaluation networks (docs/pc-darts.md §5, §8).</summary>
public class PaperScaleCostTests(ITestOutputHelper output)
{
    [Fact]
    public void Cifar_network_has_about_3_6_M_parameters()
    {
        using var network = EvalNetwork.Create(
            new EvalNetworkOptions(NetworkShapes.Cifar, 36, 20, 10, 3, Auxiliary: true), PublishedGenotypes.PC_DARTS_cifar, torch.CPU);
        var cost = ModelCost.Measure(network, 32);
        output.WriteLine($"PC_DARTS_cifar C=36 20 cells: {cost.Parameters:N0} parameters (+{cost.AuxiliaryParameters:N0} auxiliary), {cost.MultiplyAdds:N0} multiply-adds at 32×32");
        Assert.InRange(cost.Parameters, 3_550_000, 3_700_000);
    }

    [Fact]
    public void ImageNet_network_has_about_5_3_M_parameters_and_under_600_M_multiply_adds()
    {
        using var network = EvalNetwork.Create(
            new EvalNetworkOptions(NetworkShapes.ImageNet, 48, 14, 1000, 3, Auxiliary: true), PublishedGenotypes.PC_DARTS_image, torch.CPU);
        var cost = ModelCost.Measure(network, 224);
        output.WriteLine($"PC_DARTS_image C=48 14 cells: {cost.Parameters:N0} parameters (+{cost.AuxiliaryParameters:N0} auxiliary), {cost.MultiplyAdds:N0} multiply-adds at 224×224");
        Assert.InRange(cost.Parameters, 5_250_000, 5_350_000);
        // The paper states 597 M; counting conv and linear work gives about 582 M (docs/pc-darts.md §8).
        Assert.InRange(cost.MultiplyAdds, 575_000_000, 600_000_000);
    }
}
