using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Training;

public static class Accuracy
{
    /// <summary>How many rows have their label among the <paramref name="k"/> largest logits.</summary>
    public static long CorrectInTopK(Tensor logits, Tensor labels, int k)
    {
        using var scope = NewDisposeScope();
        k = Math.Min(k, (int)logits.shape[1]);
        var top = logits.topk(k, dim: 1).indexes;
        return top.eq(labels.unsqueeze(1)).any(dim: 1).sum().item<long>();
    }
}
