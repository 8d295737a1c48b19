using PcDarts.Core.Genotypes;
using PcDarts.Engine.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Evaluation;

public class EvalCellTests
{
    private static readonly Genotype AllSkips = Genotype.Parse(
        "Genotype(normal=[('skip_connect', 0), ('skip_connect', 1), ('skip_connect', 0), ('skip_connect', 2), ('skip_connect', 1), ('skip_connect', 3)], normal_concat=range(2, 5), " +
        "reduce=[('skip_connect', 0), ('skip_connect', 1), ('skip_connect', 0), ('skip_connect', 2), ('skip_connect', 1), ('skip_connect', 3)], reduce_concat=range(2, 5))");

    [Fact]
    public void Follows_the_concat_list()
    {
        using var scope = torch.NewDisposeScope();
        var genotype = new Genotype(PublishedGenotypes.PC_DARTS_cifar.Normal, [3, 5], PublishedGenotypes.PC_DARTS_cifar.Reduce, [2, 3, 4, 5]);
        using var normal = new EvalCell(genotype, 12, 12, 8, reduction: false, reductionPrev: false);
        using var reduce = new EvalCell(genotype, 12, 12, 8, reduction: true, reductionPrev: false);
        Assert.Equal(16, normal.OutputChannels);
        Assert.Equal(new long[] { 2, 16, 8, 8 }, normal.call(torch.randn(2, 12, 8, 8), torch.randn(2, 12, 8, 8), 0).shape);
        Assert.Equal(new long[] { 2, 32, 4, 4 }, reduce.call(torch.randn(2, 12, 8, 8), torch.randn(2, 12, 8, 8), 0).shape);
    }

    [Fact]
    public void Drop_path_never_touches_identity_edges()
    {
        using var scope = torch.NewDisposeScope();
        using var cell = new EvalCell(AllSkips, 8, 8, 8, reduction: false, reductionPrev: false);
        var s0 = torch.randn(16, 8, 4, 4);
        var s1 = torch.randn(16, 8, 4, 4);
        Assert.True(cell.call(s0, s1, 0.9).allclose(cell.call(s0, s1, 0.0)));
    }

    [Fact]
    public void Drop_path_drops_other_edges_in_training_and_nothing_in_eval_mode()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        using var cell = new EvalCell(PublishedGenotypes.PC_DARTS_cifar, 8, 8, 8, reduction: false, reductionPrev: false);
        var s0 = torch.randn(16, 8, 4, 4);
        var s1 = torch.randn(16, 8, 4, 4);
        Assert.False(cell.call(s0, s1, 0.5).allclose(cell.call(s0, s1, 0.0)));
        cell.eval();
        Assert.True(cell.call(s0, s1, 0.5).allclose(cell.call(s0, s1, 0.0)));
    }
}
