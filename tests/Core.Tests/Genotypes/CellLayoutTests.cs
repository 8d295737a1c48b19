using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Tests.Genotypes;

/// <summary>
/// The cell drawing reads cleanly for every genotype the project knows (the published ones and hundreds of seeded random
/// ones of 3, 4 and 5 nodes): labels never meet, edges never pass behind a node or through a label.
/// </summary>
public sealed class CellLayoutTests
{
    /// <summary>The authors' genotypes, 300 random four-node (DARTS-shaped) ones and 60 each of three and five nodes.</summary>
    public static TheoryData<string, int, int> Genotypes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var name in PublishedGenotypes.Names) data.Add(name, 0, 4);
        for (var seed = 1; seed <= 300; seed++) data.Add("random", seed, 4);
        for (var seed = 1; seed <= 60; seed++)
        {
            data.Add("random", seed, 3);
            data.Add("random", seed, 5);
        }
        return data;
    }

    internal static Genotype Known(string name, int seed, int nodes) =>
        name == "random" ? RandomGenotype.Sample(seed, nodes) : PublishedGenotypes.Get(name);

    [Theory]
    [MemberData(nameof(Genotypes))]
    public void No_two_labels_overlap_and_no_edge_crosses_a_node_box_or_any_label_but_its_own(string name, int seed, int nodes)
    {
        foreach (var kind in new[] { CellKind.Normal, CellKind.Reduce })
        {
            var layout = new CellLayout(CellDiagram.Build(Known(name, seed, nodes), kind));
            var labels = layout.Routes.Where(r => r.Label is not null).Select(r => (r.Edge, Box: r.Label!.Value)).ToList();

            for (var i = 0; i < labels.Count; i++)
                for (var j = i + 1; j < labels.Count; j++)
                    Assert.False(labels[i].Box.Overlaps(labels[j].Box), $"{kind}: labels of {labels[i].Edge} and {labels[j].Edge} overlap");

            foreach (var route in layout.Routes)
            {
                foreach (var (x0, y0, x1, y1) in Segments(route))
                {
                    Assert.True(x0 == x1 || y0 == y1, $"{kind}: {route.Edge} has a slanted run");
                    foreach (var (id, box) in layout.Boxes)
                        Assert.False(box.Crosses(x0, y0, x1, y1), $"{kind}: {route.Edge} passes behind node {id}");
                    foreach (var (other, label) in labels.Where(l => l.Edge != route.Edge))
                        Assert.False(label.Crosses(x0, y0, x1, y1), $"{kind}: {route.Edge} crosses the label of {other}");
                }
                foreach (var (id, box) in layout.Boxes)
                    Assert.False(route.Label is { } own && own.Overlaps(box), $"{kind}: the label of {route.Edge} covers node {id}");
            }
        }
    }

    private static IEnumerable<(double, double, double, double)> Segments(EdgeRoute route) =>
        route.Points.Zip(route.Points.Skip(1), (a, b) => (a.X, a.Y, b.X, b.Y));
}
