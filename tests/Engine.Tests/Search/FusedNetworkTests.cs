using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Search;
using PcDarts.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Search;

public class FusedNetworkTests
{
    [Theory]
    [InlineData(4, 299_578)]
    [InlineData(1, 1_930_618)]
    public void The_paper_search_network_has_its_exact_weight_count(int k, long weights)
    {
        using var scope = torch.NewDisposeScope();
        using var network = new SearchNetwork(
            new SearchNetworkOptions(NetworkShapes.Cifar, 16, 8, 4, k, true, 3, 10), new ArchitectureParameters(4, CPU));
        Assert.Equal(weights, network.WeightParameters().Sum(p => p.numel()));
    }

    /// <summary>
    /// The gradients are compared in float64. In float32 the two paths' activations differ by ~1e-6 (sums in another
    /// order), and a ReLU input or two max-pool candidates that close together can fall either way: then one path passes
    /// a pixel's whole gradient where the other blocks it or routes it to the neighbour, and every weight upstream
    /// differs by up to ~1e-2 of its gradient (about 1 initialisation in 50 at K = 1), whichever path is the one off.
    /// In float64 the paths agree to ~1e-15, so the tolerance can be tight enough to catch any real slip.
    /// </summary>
    [Theory]
    [InlineData(1, false)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(4, true)]
    [InlineData(8, false)]
    [InlineData(8, true)]
    public void A_network_pass_gives_the_same_gradients_on_either_path(int k, bool edgeNormalization)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            using var scope = torch.NewDisposeScope();
            using var network = DoubleNetwork(k, edgeNormalization, seed);
            var images = torch.randn([6, 3, 16, 16], generator: new Generator((ulong)seed), dtype: float64);
            var labels = torch.tensor(new long[] { 0, 1, 2, 3, 0, 1 });
            var byEdge = Gradients(network, images, labels, fusedCells: false);
            var fused = Gradients(network, images, labels, fusedCells: true);
            Assert.Equal(byEdge.Keys, fused.Keys);
            // Relative to the pass's largest gradient, not each tensor's own: some are what is left after terms of that
            // size cancel (a 1×1 conv right before a non-affine BN at K = 8 gets ~1e-11, the BN's ε alone), and their
            // float64 rounding (~1e-18) is small next to the terms, not next to the remainder.
            var scale = byEdge.Values.Max(g => g.abs().max().item<double>());
            foreach (var (name, expected) in byEdge)
            {
                var difference = expected.sub(fused[name]).abs().max().item<double>();
                Assert.True(difference <= 1e-10 * scale, $"seed {seed}: ∂/∂{name} differs by {difference:E2}, the largest gradient is {scale:E2}");
            }
            // α always has a gradient; β only with edge normalization. A check of zeros against zeros would prove nothing.
            Assert.True(byEdge["alphas.normal"].abs().max().item<double>() > 1e-6);
            Assert.Equal(edgeNormalization, byEdge["betas.normal"].abs().max().item<double>() > 1e-6);
        }
    }

    [Fact]
    public void A_float32_network_pass_gives_the_same_loss_on_either_path()
    {
        // Values, unlike gradients, do not jump where a ReLU or max-pool flips: float32 agrees to its rounding.
        using var scope = torch.NewDisposeScope();
        var options = new SearchNetworkOptions(NetworkShapes.Cifar, 8, 3, 3, 1, false, 3, 4);
        using var network = TorchRandom.Seeded(1, () => new SearchNetwork(options, new ArchitectureParameters(3, CPU, new Generator(1))));
        var images = torch.randn([6, 3, 16, 16], generator: new Generator(1));
        network.FusedCells = false;
        var byEdge = network.forward(images);
        network.FusedCells = true;
        var fused = network.forward(images);
        Assert.True(byEdge.allclose(fused, rtol: 1e-5, atol: 1e-6), $"logits differ by {byEdge.sub(fused).abs().max().item<float>()}");
    }

    private static SearchNetwork DoubleNetwork(int k, bool edgeNormalization, int seed)
    {
        var options = new SearchNetworkOptions(NetworkShapes.Cifar, 8, 3, 3, k, edgeNormalization, 3, 4);
        var network = TorchRandom.Seeded(seed, () =>
            new SearchNetwork(options, new ArchitectureParameters(3, CPU, new Generator((ulong)seed), ScalarType.Float64)));
        network.to(float64);
        return network;
    }

    private static Dictionary<string, Tensor> Gradients(SearchNetwork network, Tensor images, Tensor labels, bool fusedCells)
    {
        network.FusedCells = fusedCells;
        network.zero_grad();
        var architecture = network.Architecture;
        foreach (var p in architecture.All) p.grad?.zero_();
        nn.functional.cross_entropy(network.forward(images), labels).backward();
        var gradients = network.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad?.clone() ?? torch.zeros_like(p.parameter));
        foreach (var (name, p) in new[] { ("alphas.normal", architecture.AlphasNormal), ("alphas.reduce", architecture.AlphasReduce),
                     ("betas.normal", architecture.BetasNormal), ("betas.reduce", architecture.BetasReduce) })
            gradients[name] = p.grad?.clone() ?? torch.zeros_like(p);
        return gradients;
    }

    /// <summary>
    /// Six search steps (architecture and weights) in float64: in float32 the two paths' α drift apart by ~1e-2 within
    /// six steps, as rounding differences grow through the weight updates, a ReLU or max-pool falls the other way
    /// (above) and Adam turns small gradient differences into full steps; in float64 they stay equal to ~1e-12.
    /// </summary>
    [Theory]
    [InlineData(1, false)]
    [InlineData(4, true)]
    [InlineData(2, false)]
    [InlineData(8, true)]
    public void A_short_seeded_search_finds_the_same_genotype_on_either_path(int k, bool edgeNormalization)
    {
        var fused = Search(k, edgeNormalization, fusedCells: true);
        var byEdge = Search(k, edgeNormalization, fusedCells: false);
        var alphaDifference = fused.Alphas.Zip(byEdge.Alphas, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(alphaDifference <= 1e-6, $"α/β differ by {alphaDifference}");
        Assert.Equal(byEdge.Genotype.ToString(), fused.Genotype.ToString());
        Assert.Equal(byEdge.Losses.Length, fused.Losses.Length);
        for (var i = 0; i < fused.Losses.Length; i++) Assert.Equal(byEdge.Losses[i], fused.Losses[i], 1e-9);
    }

    private static (Genotype Genotype, double[] Losses, float[] Alphas) Search(int k, bool edgeNormalization, bool fusedCells)
    {
        using var scope = torch.NewDisposeScope();
        var generator = new Generator(5);
        var options = new SearchNetworkOptions(NetworkShapes.Cifar, 8, 3, 3, k, edgeNormalization, 3, 4);
        using var network = new SearchNetwork(options, new ArchitectureParameters(3, CPU, generator, ScalarType.Float64)) { FusedCells = fusedCells };
        network.to(float64);
        // The same initial weights on both paths: the network's own generator, not torch's process-wide one.
        using (torch.no_grad())
            foreach (var p in network.WeightParameters()) p.copy_(torch.randn(p.shape, generator: generator, dtype: float64).mul_(0.1));
        var weights = network.WeightParameters().ToArray();
        using var sgd = torch.optim.SGD(weights, 0.05, 0.9, weight_decay: 3e-4);
        // A large α/β learning rate so that a few steps move the architecture.
        using var adam = torch.optim.Adam(network.Architecture.All, 0.05, beta1: 0.5, beta2: 0.999);
        var steps = new SearchSteps(network, weights, sgd, adam, 5.0, null);
        network.train();
        var losses = new List<double>();
        for (var step = 0; step < 6; step++)
        {
            using var stepScope = torch.NewDisposeScope();
            var images = torch.randn([8, 3, 16, 16], generator: generator, dtype: float64);
            var labels = torch.randint(0, 4, [8], generator: generator);
            steps.Architecture(images, labels);
            losses.Add(steps.Weights(images, labels).Loss.item<double>());
        }
        var raw = network.Architecture.Snapshot();
        var alphas = raw.AlphasNormal.Concat(raw.AlphasReduce).SelectMany(r => r).Concat(raw.BetasNormal!).Concat(raw.BetasReduce!).ToArray();
        return (GenotypeDerivation.Derive(raw, edgeNormalization), losses.ToArray(), alphas);
    }
}
