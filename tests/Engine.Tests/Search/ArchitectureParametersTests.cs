using PcDarts.Core.Search;
using PcDarts.Engine.Search;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Search;

public class ArchitectureParametersTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Four_parameters_of_the_right_shapes_start_near_zero(int nodes)
    {
        using var arch = new ArchitectureParameters(nodes, CPU);
        var edges = SearchSpace.EdgeCount(nodes);
        Assert.Equal(4, arch.All.Count);
        Assert.Equal(new long[] { edges, 8 }, arch.AlphasNormal.shape);
        Assert.Equal(new long[] { edges, 8 }, arch.AlphasReduce.shape);
        Assert.Equal(new long[] { edges }, arch.BetasNormal.shape);
        Assert.Equal(new long[] { edges }, arch.BetasReduce.shape);
        // 1e-3·N(0,1): nothing near 1e-2, and not all zero.
        foreach (var p in arch.All)
        {
            Assert.True(p.requires_grad);
            Assert.True(p.abs().max().item<float>() < 1e-2);
            Assert.True(p.abs().max().item<float>() > 0);
        }
    }

    [Fact]
    public void Alphas_and_betas_start_as_1e_3_times_a_standard_normal()
    {
        // The authors' 1e-3·randn: over 200 draws of the 4 tensors (50,400 values) the mean is 0 and the std 1e-3
        // within a few percent (the std of a sample std of n normals is about σ/√(2n) ≈ 0.3 %).
        using var generator = new Generator(11);
        var values = new List<double>();
        for (var draw = 0; draw < 200; draw++)
        {
            using var arch = new ArchitectureParameters(4, CPU, generator);
            foreach (var p in arch.All) values.AddRange(p.data<float>().ToArray().Select(v => (double)v));
        }
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));

        Assert.Equal(200 * (14 * 8 * 2 + 14 * 2), values.Count);
        Assert.InRange(std, 0.97e-3, 1.03e-3);
        Assert.InRange(mean, -2e-5, 2e-5);
    }

    [Fact]
    public void Betas_are_normalized_within_each_node()
    {
        using var scope = torch.NewDisposeScope();
        // Node 2 (edges 0–1): softmax(0, ln 3) = (1/4, 3/4); node 3 (edges 2–4): all equal = 1/3 each.
        var betas = torch.tensor(new float[] { 0, MathF.Log(3), 5, 5, 5, 0, 0, 0, 0 });
        var normalized = ArchitectureParameters.NormalizeEdges(betas, 3).data<float>().ToArray();
        float[] expected = [0.25f, 0.75f, 1 / 3f, 1 / 3f, 1 / 3f, 0.25f, 0.25f, 0.25f, 0.25f];
        for (var e = 0; e < expected.Length; e++) Assert.Equal(expected[e], normalized[e], 5);
    }

    [Fact]
    public void Operation_weights_are_a_softmax_per_edge()
    {
        using var scope = torch.NewDisposeScope();
        using var arch = new ArchitectureParameters(4, CPU);
        var sums = arch.OperationWeights(reduction: true).sum(1);
        Assert.True(sums.allclose(torch.ones(14)));
    }

    [Fact]
    public void Snapshot_and_load_round_trip()
    {
        using var source = new ArchitectureParameters(4, CPU);
        using var target = new ArchitectureParameters(4, CPU);
        var snapshot = source.Snapshot();
        Assert.Equal(14, snapshot.AlphasNormal.Length);
        Assert.Equal(8, snapshot.AlphasNormal[13].Length);
        target.Load(snapshot);
        var loaded = target.Snapshot();
        Assert.Equal(snapshot.AlphasNormal, loaded.AlphasNormal);
        Assert.Equal(snapshot.AlphasReduce, loaded.AlphasReduce);
        Assert.Equal(snapshot.BetasNormal, loaded.BetasNormal);
        Assert.Equal(snapshot.BetasReduce, loaded.BetasReduce);
        Assert.Equal(source.AlphasReduce.data<float>().ToArray(), target.AlphasReduce.data<float>().ToArray());
    }

    [Fact]
    public void Load_rejects_a_snapshot_of_another_size()
    {
        using var small = new ArchitectureParameters(3, CPU);
        using var large = new ArchitectureParameters(4, CPU);
        Assert.Throws<ArgumentException>(() => large.Load(small.Snapshot()));
    }
}
