using System.Text.Json;
using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Tests.Genotypes;

public class ArchitectureWeightsTests
{
    internal static float[][] Alphas(int edges, float value = 0f) =>
        Enumerable.Range(0, edges).Select(_ => Enumerable.Repeat(value, 8).ToArray()).ToArray();

    [Theory]
    [InlineData(9, 3)]
    [InlineData(14, 4)]
    [InlineData(20, 5)]
    public void Infers_nodes_from_the_edge_count(int edges, int nodes)
    {
        Assert.Equal(nodes, new ArchitectureWeights(Alphas(edges), Alphas(edges)).Nodes);
    }

    [Fact]
    public void Softmax_alphas_sums_to_one_per_edge_and_keeps_the_order()
    {
        var alphas = Alphas(14);
        alphas[3] = [0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f];
        var (normal, reduce) = new ArchitectureWeights(alphas, Alphas(14)).SoftmaxAlphas();

        Assert.All(normal.Concat(reduce), row => Assert.Equal(1.0, row.Sum(), 5));
        Assert.Equal(0.125f, normal[0][0], 6);
        Assert.True(normal[3].Zip(normal[3].Skip(1)).All(p => p.First < p.Second));
        Assert.Equal(Math.Exp(7) / Enumerable.Range(0, 8).Sum(i => Math.Exp(i)), normal[3][7], 5);
    }

    [Fact]
    public void Betas_are_softmaxed_over_each_node_incoming_edges()
    {
        // Node 2 has edges [0,2), node 3 [2,5), node 4 [5,9), node 5 [9,14), as the authors' slices.
        var betas = Enumerable.Range(0, 14).Select(i => (float)i).ToArray();
        var (normal, _) = new ArchitectureWeights(Alphas(14), Alphas(14), betas, new float[14]).NormalizedBetas();

        Assert.Equal(1.0, normal[0..2].Sum(), 5);
        Assert.Equal(1.0, normal[2..5].Sum(), 5);
        Assert.Equal(1.0, normal[5..9].Sum(), 5);
        Assert.Equal(1.0, normal[9..14].Sum(), 5);
        Assert.Equal(1 / (1 + Math.E), normal[0], 5);
        Assert.Equal(1 / (1 + Math.E + Math.E * Math.E), normal[2], 5);
        Assert.Equal(1 / Enumerable.Range(0, 5).Sum(i => Math.Exp(i)), normal[9], 5);
        Assert.Equal(1 / 3.0, new ArchitectureWeights(Alphas(14), Alphas(14), new float[14], new float[14]).NormalizedBetas().Reduce[3], 5);
    }

    [Fact]
    public void NormalizedBetas_without_betas_says_so()
    {
        Assert.Throws<InvalidOperationException>(() => new ArchitectureWeights(Alphas(14), Alphas(14)).NormalizedBetas());
    }

    [Fact]
    public void Validation_names_the_array_at_fault()
    {
        string Message(Func<ArchitectureWeights> make) => Assert.Throws<ArgumentException>(() => make()).Message;

        Assert.StartsWith("alphasNormal has 13 edges; expected 9 or 14 or 20", Message(() => new(Alphas(13), Alphas(14))));
        Assert.StartsWith("alphasReduce has 9 edges but alphasNormal has 14", Message(() => new(Alphas(14), Alphas(9))));
        var shortRow = Alphas(14);
        shortRow[5] = new float[7];
        Assert.StartsWith("alphasReduce[5] has 7 values; expected 8", Message(() => new(Alphas(14), shortRow)));
        Assert.StartsWith("betasReduce has 9 values; expected 14", Message(() => new(Alphas(14), Alphas(14), new float[14], new float[9])));
        var nan = Alphas(14);
        nan[2][4] = float.NaN;
        Assert.StartsWith("alphasNormal[2][4] is NaN", Message(() => new(nan, Alphas(14))));
    }

    [Fact]
    public void Json_uses_the_documented_field_names_and_round_trips()
    {
        var alphas = Alphas(14, 0.25f);
        alphas[0][3] = -1.5e-3f;
        var weights = new ArchitectureWeights(alphas, Alphas(14), Enumerable.Range(0, 14).Select(i => i / 7f).ToArray(), new float[14]);

        var json = weights.ToJson();

        Assert.StartsWith("{\"alphasNormal\":[[0.25,0.25,0.25,-0.0015,", json);
        Assert.Contains("\"alphasReduce\":", json);
        Assert.Contains("\"betasNormal\":[0,0.14285715,", json);
        Assert.Contains("\"betasReduce\":", json);
        Assert.Equal(weights, ArchitectureWeights.FromJson(json));
        Assert.DoesNotContain("betas", new ArchitectureWeights(Alphas(9), Alphas(9)).ToJson());
    }

    [Fact]
    public void Json_with_a_wrong_shape_names_the_array()
    {
        var json = new ArchitectureWeights(Alphas(14), Alphas(14)).ToJson().Replace("\"alphasReduce\":[[0,0,0,0,0,0,0,0],", "\"alphasReduce\":[");

        var e = Assert.Throws<JsonException>(() => ArchitectureWeights.FromJson(json));

        Assert.Contains("alphasReduce has 13 edges", e.Message);
    }

    [Fact]
    public void Json_with_the_authors_snake_case_names_reads_as_ours_and_both_at_once_is_refused()
    {
        var weights = new ArchitectureWeights(Alphas(14, 0.5f), Alphas(14), Enumerable.Range(0, 14).Select(i => i / 7f).ToArray(), new float[14]);
        var authors = weights.ToJson().Replace("alphasNormal", "alphas_normal").Replace("alphasReduce", "alphas_reduce")
            .Replace("betasNormal", "betas_normal").Replace("betasReduce", "betas_reduce");

        Assert.Equal(weights, ArchitectureWeights.FromJson(authors));
        var both = authors.Replace("{\"alphas_normal\"", "{\"alphasNormal\":[],\"alphas_normal\"");
        Assert.Contains("both alphas_normal and alphasNormal", Assert.Throws<JsonException>(() => ArchitectureWeights.FromJson(both)).Message);
    }
}
