using PcDarts.Core.Search;
using PcDarts.Core.Specs;
using PcDarts.Engine.Search;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Search;

public class SearchNetworkTests
{
    private static SearchNetworkOptions Tiny(string shape = NetworkShapes.Cifar, int inputChannels = 3, int nodes = 4, bool edgeNormalization = true) =>
        new(shape, Channels: 8, Layers: 3, Nodes: nodes, K: 2, EdgeNormalization: edgeNormalization, InputChannels: inputChannels, Classes: 5);

    [Theory]
    [InlineData(NetworkShapes.Cifar, 1, 3, 16)]
    [InlineData(NetworkShapes.Cifar, 3, 5, 16)]
    [InlineData(NetworkShapes.ImageNet, 3, 3, 32)]
    [InlineData(NetworkShapes.ImageNet, 1, 5, 32)]
    public void Both_shapes_give_one_logit_per_class(string shape, int inputChannels, int nodes, int size)
    {
        using var scope = torch.NewDisposeScope();
        using var network = SearchNetwork.Create(Tiny(shape, inputChannels, nodes), CPU);
        var logits = network.call(torch.randn(2, inputChannels, size, size));
        Assert.Equal(new long[] { 2, 5 }, logits.shape);
        Assert.Equal(SearchSpace.EdgeCount(nodes), network.Architecture.Edges);
    }

    /// <summary>
    /// The ImageNet search network of train_search_imagenet.py (C = 16, 8 cells, K = 2). With 1000 classes: stem
    /// 31,992 (three convs 648 + 10,368 + 20,736, affine BN 48 + 96 + 96), classifier 256·1000 + 1000 = 257,000, cells
    /// 667,520. The same network built in PyTorch 1.13 after the authors' model_search_imagenet.py counts the same.
    /// </summary>
    [Theory]
    [InlineData(1000, 956_512)]
    [InlineData(10, 702_082)]
    public void The_imagenet_search_network_has_its_exact_weight_count(int classes, long weights)
    {
        using var scope = torch.NewDisposeScope();
        using var network = new SearchNetwork(
            new SearchNetworkOptions(NetworkShapes.ImageNet, 16, 8, 4, 2, true, 3, classes), new ArchitectureParameters(4, CPU));
        Assert.Equal(weights, network.WeightParameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Alphas_and_betas_are_not_weight_parameters()
    {
        using var scope = torch.NewDisposeScope();
        using var network = SearchNetwork.Create(Tiny(), CPU);
        var weights = network.WeightParameters().ToList();
        foreach (var arch in network.Architecture.All)
            Assert.DoesNotContain(weights, p => ReferenceEquals(p, arch));
        // A value no weight holds: if α or β were registered under another wrapper, it would show up.
        using (torch.no_grad())
            foreach (var arch in network.Architecture.All) arch.fill_(1234.5f);
        Assert.DoesNotContain(weights, p => p.eq(1234.5f).all().item<bool>());
        Assert.DoesNotContain(network.named_parameters(), p => p.name.Contains("alpha", StringComparison.OrdinalIgnoreCase) || p.name.Contains("beta", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Gradients_reach_alphas_and_betas()
    {
        using var scope = torch.NewDisposeScope();
        using var network = SearchNetwork.Create(Tiny(), CPU);
        var logits = network.call(torch.randn(4, 3, 16, 16));
        nn.functional.cross_entropy(logits, torch.tensor(new long[] { 0, 1, 2, 3 })).backward();
        foreach (var arch in network.Architecture.All)
        {
            Assert.NotNull(arch.grad);
            Assert.True(arch.grad!.abs().sum().item<float>() > 0);
        }
    }

    [Fact]
    public void Without_edge_normalization_the_betas_take_no_part()
    {
        using var scope = torch.NewDisposeScope();
        using var network = SearchNetwork.Create(Tiny(edgeNormalization: false), CPU);
        nn.functional.cross_entropy(network.call(torch.randn(4, 3, 16, 16)), torch.tensor(new long[] { 0, 1, 2, 3 })).backward();
        Assert.Null(network.Architecture.BetasNormal.grad);
        Assert.NotNull(network.Architecture.AlphasNormal.grad);
    }

    [Fact]
    public void K_that_does_not_divide_C_is_rejected_before_building()
    {
        var error = Assert.Throws<ArgumentException>(() => SearchNetwork.Create(Tiny() with { Channels = 10, K = 4 }, CPU));
        Assert.Contains("4", error.Message);
        Assert.Contains("10", error.Message);
    }

    [Fact]
    public void Cells_reduce_at_one_third_and_two_thirds()
    {
        Assert.Equal([2, 5], Enumerable.Range(0, 8).Where(l => SearchNetwork.IsReduction(l, 8)));
        Assert.Equal([6, 13], Enumerable.Range(0, 20).Where(l => SearchNetwork.IsReduction(l, 20)));
    }
}
