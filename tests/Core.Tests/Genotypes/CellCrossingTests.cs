using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Tests.Genotypes;

/// <summary>Edges of a cell drawing cross only where no order of the nodes within their columns would cross less.</summary>
public sealed class CellCrossingTests
{
    /// <summary>The authors' genotypes and 60 random four-node ones (each tries every order of every column: the slow part).</summary>
    public static TheoryData<string, int> Genotypes()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in PublishedGenotypes.Names) data.Add(name, 0);
        for (var seed = 1; seed <= 60; seed++) data.Add("random", seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(Genotypes))]
    public void No_order_of_the_nodes_within_their_columns_crosses_less(string name, int seed)
    {
        foreach (var kind in new[] { CellKind.Normal, CellKind.Reduce })
        {
            var diagram = CellDiagram.Build(CellLayoutTests.Known(name, seed, 4), kind);
            var drawn = new CellLayout(diagram).Crossings;
            foreach (var rows in EveryOrder(diagram))
            {
                var other = new CellLayout(diagram, rows).Crossings;
                Assert.True(drawn.Count <= other.Count,
                    $"{kind}: drawn with {drawn.Count} crossings ({string.Join("; ", drawn)}), but rows {string.Join(", ", rows.OrderBy(r => r.Key, StringComparer.Ordinal))} give {other.Count}");
            }
        }
    }

    // The reading of the published cells, pinned so a change to the layout cannot quietly make them worse. PC_DARTS_cifar's
    // normal cell joins both inputs to all four nodes (K2,4): two columns cannot draw that with fewer than C(4, 2) = 6 crossings.
    [Theory]
    [InlineData("PC_DARTS_cifar", CellKind.Normal, 6)]
    [InlineData("PC_DARTS_cifar", CellKind.Reduce, 3)]
    [InlineData("PC_DARTS_image", CellKind.Normal, 3)]
    [InlineData("PC_DARTS_image", CellKind.Reduce, 3)]
    [InlineData("DARTS_V1", CellKind.Normal, 4)]
    [InlineData("DARTS_V1", CellKind.Reduce, 3)]
    [InlineData("DARTS_V2", CellKind.Normal, 4)]
    [InlineData("DARTS_V2", CellKind.Reduce, 1)]
    public void The_published_cells_cross_no_more_than_measured(string name, CellKind kind, int most)
    {
        var crossings = new CellLayout(CellDiagram.Build(PublishedGenotypes.Get(name), kind)).Crossings;
        Assert.True(crossings.Count <= most, string.Join("; ", crossings));
    }

    [Fact]
    public void The_crossing_count_sees_a_crossing_and_a_shared_run_but_not_a_fork_or_a_merge()
    {
        static EdgeRoute R(string from, string to, params (double, double)[] points) => new(new DiagramEdge(from, to, "skip_connect", 0, 0), points, null, default);

        var cross = new[] { R("a", "b", (0, 0), (10, 0), (10, 20), (30, 20)), R("c", "d", (0, 10), (20, 10)) };
        Assert.Equal(["a→b crosses c→d"], EdgeCrossings.Find(cross));

        var fork = new[] { R("a", "b", (0, 0), (10, 0), (10, 20), (30, 20)), R("a", "d", (0, 0), (15, 0), (15, -20), (30, -20)) };
        Assert.Empty(EdgeCrossings.Find(fork));

        var merge = new[] { R("a", "z", (0, 0), (10, 0), (10, 20), (30, 20)), R("b", "z", (0, 40), (15, 40), (15, 20), (30, 20)) };
        Assert.Empty(EdgeCrossings.Find(merge));

        var along = new[] { R("a", "b", (0, 0), (10, 0), (10, 20), (30, 20)), R("c", "d", (5, 5), (10, 5), (10, 15), (40, 15)) };
        Assert.Equal(["a→b runs along c→d"], EdgeCrossings.Find(along));
    }

    [Fact]
    public void Jogs_are_ordered_with_the_fewest_crossings_any_order_has()
    {
        var rng = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var runs = Enumerable.Range(0, rng.Next(2, 8)).Select(_ => ((double)rng.Next(0, 6) * 10, (double)rng.Next(0, 6) * 10)).ToList();
            var fewest = Orders(Enumerable.Range(0, runs.Count).ToList()).Min(o => Cost(runs, o));
            Assert.Equal(fewest, Cost(runs, JogOrder.Arrange(runs)));
        }
    }

    private static int Cost(List<(double, double)> runs, IReadOnlyList<int> order)
    {
        var total = 0;
        for (var i = 0; i < order.Count; i++)
            for (var j = i + 1; j < order.Count; j++)
                total += JogOrder.Crossings(runs[order[i]], runs[order[j]]);
        return total;
    }

    private static IEnumerable<Dictionary<string, int>> EveryOrder(CellDiagram diagram)
    {
        IEnumerable<Dictionary<string, int>> all = [new Dictionary<string, int>()];
        foreach (var column in diagram.Nodes.GroupBy(n => n.Layer))
            all = all.SelectMany(rows => Orders(column.Select(n => n.Id).ToList())
                .Select(order => new Dictionary<string, int>(rows.Concat(order.Select((id, row) => KeyValuePair.Create(id, row))))));
        return all;
    }

    private static IEnumerable<List<T>> Orders<T>(List<T> items) =>
        items.Count <= 1 ? [items] : items.SelectMany((item, i) => Orders(items.Where((_, k) => k != i).ToList()).Select(rest => (List<T>)[item, .. rest]));
}
