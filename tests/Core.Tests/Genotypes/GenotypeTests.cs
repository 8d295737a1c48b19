using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Tests.Genotypes;

public class GenotypeTests
{
    private static GenotypeEdge[] Cell(params (string Op, int Input)[] edges) => edges.Select(e => new GenotypeEdge(e.Op, e.Input)).ToArray();

    private static readonly GenotypeEdge[] ThreeNodes = Cell(("sep_conv_3x3", 0), ("skip_connect", 1), ("dil_conv_3x3", 2), ("sep_conv_5x5", 0), ("max_pool_3x3", 3), ("avg_pool_3x3", 1));

    [Fact]
    public void Equality_is_by_value_and_order()
    {
        var a = new Genotype(ThreeNodes, ThreeNodes);
        var b = new Genotype(ThreeNodes.ToList(), ThreeNodes.ToList());
        var swapped = new Genotype(ThreeNodes, [ThreeNodes[1], ThreeNodes[0], .. ThreeNodes[2..]]);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, swapped);
        Assert.True(a != swapped);
        Assert.Equal(3, a.Nodes);
        Assert.Equal([2, 3, 4], a.NormalConcat);
    }

    [Fact]
    public void Is_immutable_after_construction()
    {
        var edges = ThreeNodes.ToArray();
        var genotype = new Genotype(edges, edges);

        edges[0] = new GenotypeEdge("skip_connect", 1);

        Assert.Equal("sep_conv_3x3", genotype.Normal[0].Op);
    }

    [Theory]
    [InlineData("none", 0, "normal[0]: operation 'none' cannot be kept")]
    [InlineData("conv_7x1_1x7", 0, "normal[0]: unknown operation 'conv_7x1_1x7'")]
    [InlineData("sep_conv_3x3", 2, "normal[0]: input 2 is not a predecessor of node 2")]
    [InlineData("sep_conv_3x3", -1, "normal[0]: input -1 is not a predecessor")]
    public void Rejects_an_invalid_edge(string op, int input, string expected)
    {
        GenotypeEdge[] normal = [new(op, input), .. ThreeNodes[1..]];

        var e = Assert.Throws<ArgumentException>(() => new Genotype(normal, ThreeNodes));

        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void Rejects_bad_node_counts_and_concats()
    {
        Assert.Contains("normal has 5 edges", Assert.Throws<ArgumentException>(() => new Genotype(ThreeNodes[..5], ThreeNodes)).Message);
        Assert.Contains("2 intermediate nodes", Assert.Throws<ArgumentException>(() => new Genotype(ThreeNodes[..4], ThreeNodes[..4])).Message);
        Assert.Contains("reduce has 4", Assert.Throws<ArgumentException>(() =>
            new Genotype(ThreeNodes, PublishedGenotypes.DARTS_V2.Reduce)).Message);
        Assert.Contains("reduce_concat holds 5", Assert.Throws<ArgumentException>(() =>
            new Genotype(ThreeNodes, [2, 3, 4], ThreeNodes, [2, 5])).Message);
        Assert.Contains("normal_concat holds 3 twice", Assert.Throws<ArgumentException>(() =>
            new Genotype(ThreeNodes, [3, 3], ThreeNodes, [2])).Message);
        Assert.Contains("normal_concat is empty", Assert.Throws<ArgumentException>(() =>
            new Genotype(ThreeNodes, [], ThreeNodes, [2])).Message);
    }

    [Fact]
    public void Published_names_are_the_authors_variable_names()
    {
        Assert.Equal(["PC_DARTS_cifar", "PC_DARTS_image", "DARTS_V1", "DARTS_V2"], PublishedGenotypes.Names);
        Assert.True(PublishedGenotypes.TryGet("DARTS_V1", out var v1));
        Assert.Equal(new GenotypeEdge("skip_connect", 2), v1.Normal[7]);
        Assert.Equal(new GenotypeEdge("dil_conv_5x5", 4), PublishedGenotypes.Get("PC_DARTS_image").Normal[7]);
        Assert.False(PublishedGenotypes.TryGet("NASNet", out _));
        Assert.Throws<KeyNotFoundException>(() => PublishedGenotypes.Get("AmoebaNet"));
    }
}
