using PcDarts.Core.Search;

namespace PcDarts.Engine.Search;

/// <summary>
/// The edges of a search cell whose inputs become available at the same moment: level 0 holds every edge out of the
/// two cell inputs, level ℓ ≥ 1 every edge out of intermediate node ℓ − 1. The fused cell computes a level's edges
/// in one call per primitive. Edges are ordered target node first, then input, so a level's outputs view as
/// Targets × InputsPerTarget.
/// </summary>
/// <param name="Inputs">The states the level reads: 0 and 1 for level 0, else ℓ + 1.</param>
/// <param name="FirstTarget">The first intermediate node (0-based) the level feeds; it feeds all nodes from there on.</param>
/// <param name="Targets">Intermediate nodes fed: nodes − FirstTarget.</param>
/// <param name="Edges">Edge indices in the cell's edge order (<see cref="SearchSpace.FirstEdgeOf"/>), level order.</param>
/// <param name="Stride">2 on level 0 of a reduction cell, else 1.</param>
public sealed record CellLevel(int[] Inputs, int FirstTarget, int Targets, int[] Edges, int Stride)
{
    public int InputsPerTarget => Inputs.Length;

    public int EdgeCount => Edges.Length;

    /// <summary>The levels of a cell of <paramref name="nodes"/> intermediate nodes, in the order they can run.</summary>
    public static CellLevel[] Of(int nodes, bool reduction)
    {
        var levels = new CellLevel[nodes];
        for (var level = 0; level < nodes; level++)
        {
            int[] inputs = level == 0 ? [0, 1] : [level + 1];
            var edges = Enumerable.Range(level, nodes - level)
                .SelectMany(node => inputs.Select(input => SearchSpace.FirstEdgeOf(node) + input))
                .ToArray();
            levels[level] = new CellLevel(inputs, level, nodes - level, edges, reduction && level == 0 ? 2 : 1);
        }
        return levels;
    }

    /// <summary>All edges of the cell in level order: a permutation of 0 … edges − 1.</summary>
    public static long[] LevelOrder(IEnumerable<CellLevel> levels) => levels.SelectMany(l => l.Edges).Select(e => (long)e).ToArray();
}
