using PcDarts.Core.Search;
using PcDarts.Engine.Search;
using PcDarts.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Search;

/// <summary>The fused cell against the per-edge reference: same outputs, same gradients, same running statistics.</summary>
public class FusedCellTests
{
    /// <summary>
    /// Relative to the largest magnitude (and at least absolute): float64 sums in another order. In float32 a gradient
    /// can differ outright where a ReLU input or two max-pool candidates lie within rounding of each other (see
    /// <see cref="FusedNetworkTests"/>), so the cells are compared in float64.
    /// </summary>
    private const double Tolerance = 1e-10;

    /// <summary>For the float32 checks of values only: sums in another order.</summary>
    private const double Float32Tolerance = 1e-5;

    public static TheoryData<bool, int, bool, int> Cases()
    {
        var cases = new TheoryData<bool, int, bool, int>();
        foreach (var reduction in new[] { false, true })
            foreach (var k in new[] { 1, 2, 4, 8 })
                foreach (var edgeNormalization in new[] { true, false })
                    foreach (var seed in new[] { 1, 2, 3 })
                        cases.Add(reduction, k, edgeNormalization, seed);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_fused_cell_computes_what_its_mixed_ops_compute(bool reduction, int k, bool edgeNormalization, int seed)
    {
        using var scope = torch.NewDisposeScope();
        const int nodes = 4, channels = 16;
        var generator = new Generator((ulong)seed);
        var reference = TorchRandom.Seeded(seed, () => new SearchCell(nodes, 24, 20, channels, reduction, reductionPrev: false, k));
        var fused = new SearchCell(nodes, 24, 20, channels, reduction, reductionPrev: false, k);
        reference.to(float64);
        fused.to(float64);
        fused.load_state_dict(reference.state_dict());
        var edges = SearchSpace.EdgeCount(nodes);
        var alphas = torch.randn([edges, SearchSpace.Primitives.Count], generator: generator, dtype: float64).requires_grad_();
        var betas = torch.randn([edges], generator: generator, dtype: float64).requires_grad_();
        var s0 = torch.randn([3, 24, 8, 8], generator: generator, dtype: float64);
        var s1 = torch.randn([3, 20, 8, 8], generator: generator, dtype: float64);
        var outputGradient = torch.randn([3, nodes * channels, reduction ? 4 : 8, reduction ? 4 : 8], generator: generator, dtype: float64);

        var (expected, expectedGrads) = Run(reference, cell => cell.forward(s0, s1, Weights(alphas), edgeNormalization ? Edges(betas) : null));
        var (actual, actualGrads) = Run(fused, cell =>
            cell.ForwardFused(s0, s1, LevelWeights.Gather(Weights(alphas), edgeNormalization ? Edges(betas) : null, cell.Levels)));

        Assert.True(MaxDifference(expected, actual) <= Tolerance, $"outputs differ by {MaxDifference(expected, actual)}");
        Assert.Equal(expectedGrads.Keys, actualGrads.Keys);
        foreach (var (name, grad) in expectedGrads)
            Assert.True(MaxDifference(grad, actualGrads[name]) <= Tolerance, $"∂/∂{name} differs by {MaxDifference(grad, actualGrads[name])}");
        foreach (var ((name, buffer), (_, fusedBuffer)) in reference.named_buffers().Zip(fused.named_buffers()))
            if (name.EndsWith("num_batches_tracked", StringComparison.Ordinal))
                Assert.Equal(buffer.item<long>(), fusedBuffer.item<long>());
            else
                Assert.True(MaxDifference(buffer, fusedBuffer) <= Tolerance, $"{name} differs");

        (Tensor Output, Dictionary<string, Tensor> Grads) Run(SearchCell cell, Func<SearchCell, Tensor> forward)
        {
            alphas.grad?.zero_();
            betas.grad?.zero_();
            cell.train();
            var output = forward(cell);
            output.backward([outputGradient]);
            var grads = cell.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!.clone());
            grads["alphas"] = alphas.grad!.clone();
            if (edgeNormalization) grads["betas"] = betas.grad!.clone();
            return (output.detach(), grads);
        }
        Tensor Weights(Tensor raw) => raw.softmax(-1);
        Tensor Edges(Tensor raw) => ArchitectureParameters.NormalizeEdges(raw, nodes);
    }

    [Fact]
    public void After_loading_a_state_the_fused_cell_reads_the_loaded_running_statistics()
    {
        using var scope = torch.NewDisposeScope();
        var trained = new SearchCell(3, 8, 8, 8, reduction: false, reductionPrev: false, k: 2);
        var fresh = new SearchCell(3, 8, 8, 8, reduction: false, reductionPrev: false, k: 2);
        var opWeights = torch.rand(SearchSpace.EdgeCount(3), SearchSpace.Primitives.Count);
        var weights = LevelWeights.Gather(opWeights, null, trained.Levels);
        var s = torch.randn(2, 8, 6, 6);
        // Both bind their running statistics, then the trained one moves them on.
        fresh.ForwardFused(s, s, weights);
        trained.ForwardFused(s, s, weights);
        trained.ForwardFused(s.mul(3), s, weights);
        fresh.load_state_dict(trained.state_dict());
        trained.eval();
        fresh.eval();
        using var noGrad = torch.no_grad();
        var expected = trained.forward(s, s, opWeights, null);
        // The per-edge reference reads the edges' own buffers: the fused updates reached them, and loading them too.
        Assert.True(MaxDifference(expected, trained.ForwardFused(s, s, weights)) <= Float32Tolerance);
        Assert.True(MaxDifference(expected, fresh.ForwardFused(s, s, weights)) <= Float32Tolerance);
        Assert.True(MaxDifference(expected, fresh.forward(s, s, opWeights, null)) <= Float32Tolerance);
        // The two loaded batch counts, and the next training pass counts on from them.
        fresh.train();
        fresh.ForwardFused(s, s, weights);
        Assert.All(fresh.named_buffers().Where(b => b.name.EndsWith("num_batches_tracked", StringComparison.Ordinal)),
            b => Assert.Equal(3, b.buffer.item<long>()));
    }

    private static double MaxDifference(Tensor a, Tensor b) =>
        a.sub(b).abs().max().to(float64).item<double>() / Math.Max(1.0, a.abs().max().to(float64).item<double>());
}
