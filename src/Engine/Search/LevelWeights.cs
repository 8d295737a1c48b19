using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>
/// The architecture weights one level of a fused cell multiplies by, gathered once per network pass for each cell
/// type. With edge normalization, β is folded into the op weights: β·Σ_o w_o·y_o = Σ_o (β·w_o)·y_o, and the
/// bypassed channels (K > 1) take β alone, as they pass the channel shuffle unchanged in value.
/// </summary>
/// <param name="Operations">Per primitive, a 1×Targets×InputsPerTarget×1×1×1 tensor of that primitive's weight on each
/// edge of the level.</param>
/// <param name="Bypass">1×Targets×InputsPerTarget×1×1×1 β of each edge, or null without edge normalization.</param>
public sealed record LevelWeights(Tensor[] Operations, Tensor? Bypass)
{
    /// <param name="operationWeights">softmax(α): edges × primitives, in the cell's edge order.</param>
    /// <param name="edgeWeights">Normalized β, one per edge, or null for the plain sum.</param>
    public static LevelWeights[] Gather(Tensor operationWeights, Tensor? edgeWeights, IReadOnlyList<CellLevel> levels)
    {
        var primitives = operationWeights.shape[1];
        // One gather into level order, then one slice per level: a handful of calls per pass, not per edge.
        using var order = tensor(CellLevel.LevelOrder(levels), device: operationWeights.device);
        var ordered = operationWeights.index_select(0, order);
        var betas = edgeWeights?.index_select(0, order);
        if (betas is not null) ordered = ordered.mul(betas.unsqueeze(1));
        var result = new LevelWeights[levels.Count];
        var start = 0;
        foreach (var (level, index) in levels.Select((l, i) => (l, i)))
        {
            var rows = ordered.narrow(0, start, level.EdgeCount);
            var perPrimitive = rows.t().reshape(primitives, 1, level.Targets, level.InputsPerTarget, 1, 1, 1).unbind(0);
            var bypass = betas?.narrow(0, start, level.EdgeCount).reshape(1, level.Targets, level.InputsPerTarget, 1, 1, 1);
            result[index] = new LevelWeights(perPrimitive, bypass);
            start += level.EdgeCount;
        }
        return result;
    }
}
