using PcDarts.Core.Genotypes;
using PcDarts.Core.Search;

namespace PcDarts.Core.Tests.Genotypes;

public class GenotypeDerivationTests
{
    private static float[] Row(params (string Op, float Weight)[] weights)
    {
        var row = new float[8];
        foreach (var (op, w) in weights) row[SearchSpace.IndexOf(op)] = w;
        return row;
    }

    private static float[][] Uniform(int edges) => ArchitectureWeightsTests.Alphas(edges, 1f / 8);

    [Fact]
    public void None_is_never_kept_even_when_it_is_the_largest_weight()
    {
        var cell = Uniform(9);
        // Node 2: both edges are mostly `none`; the op kept is the best of the rest.
        cell[0] = Row(("none", 0.90f), ("dil_conv_3x3", 0.06f), ("sep_conv_3x3", 0.04f));
        cell[1] = Row(("none", 0.80f), ("skip_connect", 0.20f));
        // Node 3: the edge with the largest `none` weight is the weakest edge.
        cell[2] = Row(("none", 0.95f), ("max_pool_3x3", 0.05f));
        cell[3] = Row(("sep_conv_5x5", 0.30f), ("none", 0.70f));
        cell[4] = Row(("avg_pool_3x3", 0.20f), ("none", 0.80f));

        var genes = GenotypeDerivation.DeriveCell(cell, null);

        Assert.DoesNotContain(genes, g => g.Op == SearchSpace.None);
        Assert.Equal([new("skip_connect", 1), new("dil_conv_3x3", 0)], genes.Take(2));
        Assert.Equal([new("sep_conv_5x5", 1), new("avg_pool_3x3", 2)], genes.Skip(2).Take(2));
    }

    [Fact]
    public void Edge_normalization_changes_which_edges_a_node_keeps_but_not_their_ops()
    {
        // Node 3 of a 3-node cell reads edges 2, 3, 4 (inputs 0, 1, 2). α alone ranks them 2 > 3 > 4;
        // softmax(β) over that node = (0.016, 0.117, 0.867) turns the products into 0.008, 0.046, 0.242.
        float[][] alphas = [.. ArchitectureWeightsTests.Alphas(9)];
        alphas[2] = Row(("sep_conv_3x3", 2.0f));
        alphas[3] = Row(("dil_conv_3x3", 1.5f));
        alphas[4] = Row(("max_pool_3x3", 1.0f));
        var betas = new float[9];
        betas[2] = -2f;
        betas[4] = 2f;
        var raw = new ArchitectureWeights(alphas, alphas, betas, betas);

        var plain = GenotypeDerivation.Derive(raw, edgeNormalization: false);
        var normalized = GenotypeDerivation.Derive(raw, edgeNormalization: true);

        Assert.Equal([new("sep_conv_3x3", 0), new("dil_conv_3x3", 1)], plain.Normal.Skip(2).Take(2));
        Assert.Equal([new("max_pool_3x3", 2), new("dil_conv_3x3", 1)], normalized.Normal.Skip(2).Take(2));
        Assert.Equal(normalized.Normal, normalized.Reduce);
    }

    [Fact]
    public void Edge_normalization_needs_betas()
    {
        var raw = new ArchitectureWeights(ArchitectureWeightsTests.Alphas(14), ArchitectureWeightsTests.Alphas(14));

        Assert.Contains("betasNormal", Assert.Throws<ArgumentException>(() => GenotypeDerivation.Derive(raw, true)).Message);
    }

    [Fact]
    public void Ties_go_to_the_lower_edge_and_the_lower_op()
    {
        // All-zero α (the authors' init is 1e-3·N(0,1), nearly this): every edge and op ties.
        var raw = new ArchitectureWeights(ArchitectureWeightsTests.Alphas(14), ArchitectureWeightsTests.Alphas(14), new float[14], new float[14]);

        var genotype = GenotypeDerivation.Derive(raw, edgeNormalization: true);

        var expected = Enumerable.Range(0, 4).SelectMany(_ => new GenotypeEdge[] { new("max_pool_3x3", 0), new("max_pool_3x3", 1) });
        Assert.Equal(expected, genotype.Normal);
        Assert.Equal(expected, genotype.Reduce);
    }

    [Fact]
    public void An_op_tie_inside_an_edge_keeps_the_first_primitive()
    {
        var cell = Uniform(9);
        cell[0] = Row(("sep_conv_5x5", 0.4f), ("sep_conv_3x3", 0.4f), ("dil_conv_5x5", 0.2f));

        Assert.Equal(new GenotypeEdge("sep_conv_3x3", 0), GenotypeDerivation.DeriveCell(cell, null)[0]);
    }

    [Fact]
    public void The_stronger_kept_edge_is_listed_first()
    {
        var cell = Uniform(14);
        // Node 5 (edges 9..13): inputs 4 and 1 are strongest, input 4 more so.
        cell[10] = Row(("sep_conv_3x3", 0.5f));
        cell[13] = Row(("skip_connect", 0.6f));

        var genes = GenotypeDerivation.DeriveCell(cell, null);

        Assert.Equal([new("skip_connect", 4), new("sep_conv_3x3", 1)], genes.Skip(6));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Weights_built_from_a_genotype_derive_that_genotype(int nodes)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var genotype = RandomGenotype.Sample(seed, nodes);
            var raw = new ArchitectureWeights(AlphasFavouring(genotype.Normal), AlphasFavouring(genotype.Reduce));

            var derived = GenotypeDerivation.Derive(raw, edgeNormalization: false);

            Assert.Equal(genotype, derived);
            Assert.Equal(nodes, derived.Nodes);
            Assert.Equal(Enumerable.Range(2, nodes), derived.ReduceConcat);
        }
    }

    [Fact]
    public void Published_genotypes_are_reproduced_from_favouring_weights()
    {
        foreach (var name in PublishedGenotypes.Names)
        {
            var g = PublishedGenotypes.Get(name);
            var raw = new ArchitectureWeights(AlphasFavouring(g.Normal), AlphasFavouring(g.Reduce), new float[14], new float[14]);

            Assert.Equal(g, GenotypeDerivation.Derive(raw, edgeNormalization: true));
        }
    }

    [Fact]
    public void The_softmaxed_overload_agrees_with_the_raw_one()
    {
        var rng = new Random(7);
        float[][] Noise() => Enumerable.Range(0, 14).Select(_ => Enumerable.Range(0, 8).Select(_ => (float)rng.NextDouble()).ToArray()).ToArray();
        float[] Betas() => Enumerable.Range(0, 14).Select(_ => (float)rng.NextDouble()).ToArray();
        var raw = new ArchitectureWeights(Noise(), Noise(), Betas(), Betas());
        var (normal, reduce) = raw.SoftmaxAlphas();
        var (betasNormal, betasReduce) = raw.NormalizedBetas();

        Assert.Equal(GenotypeDerivation.Derive(raw, true), GenotypeDerivation.Derive(normal, reduce, betasNormal, betasReduce));
        Assert.Equal(GenotypeDerivation.Derive(raw, false), GenotypeDerivation.Derive(normal, reduce, null, null));
    }

    // Raw α where a node's first listed edge is strongest, its second next, and every other edge flat.
    private static float[][] AlphasFavouring(IReadOnlyList<GenotypeEdge> genes)
    {
        var nodes = genes.Count / 2;
        var alphas = ArchitectureWeightsTests.Alphas(SearchSpace.EdgeCount(nodes));
        for (var i = 0; i < genes.Count; i++)
        {
            var edge = SearchSpace.FirstEdgeOf(i / 2) + genes[i].Input;
            alphas[edge][SearchSpace.IndexOf(genes[i].Op)] = i % 2 == 0 ? 3f : 2f;
        }
        return alphas;
    }
}
