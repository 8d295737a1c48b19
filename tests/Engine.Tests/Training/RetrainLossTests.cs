using PcDarts.Engine.Training;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Training;

public class RetrainLossTests
{
    [Fact]
    public void Label_smoothed_loss_is_one_minus_eps_nll_plus_eps_mean_negative_log_p_worked_by_hand()
    {
        // Two examples, three classes, ε = 0.1 (train_imagenet.py's --label_smooth).
        double[][] logits = [[2, 0, -1], [0.5, 1.5, -0.5]];
        long[] labels = [0, 2];
        const double epsilon = 0.1;
        var expected = 0.0;
        for (var n = 0; n < logits.Length; n++)
        {
            var logSumExp = Math.Log(logits[n].Sum(Math.Exp));
            var negativeLogP = logits[n].Select(z => logSumExp - z).ToArray();
            expected += ((1 - epsilon) * negativeLogP[labels[n]] + epsilon * negativeLogP.Average()) / logits.Length;
        }
        // Example 0 alone: lse = ln(e² + 1 + e⁻¹) = 2.1698…; NLL 0.1698…, mean(−log p) = lse − 1/3.
        Assert.Equal(2.1698, Math.Log(Math.Exp(2) + 1 + Math.Exp(-1)), 4);

        using var scope = NewDisposeScope();
        var input = tensor(logits.SelectMany(row => row).ToArray(), [2, 3], ScalarType.Float64);
        var loss = RetrainLoss.Of(input, tensor(labels), epsilon).item<double>();

        Assert.Equal(expected, loss, 12);
        // ε = 0 is plain cross-entropy: the mean NLL.
        var plain = logits.Select((row, n) => Math.Log(row.Sum(Math.Exp)) - row[labels[n]]).Average();
        Assert.Equal(plain, RetrainLoss.Of(input, tensor(labels), 0).item<double>(), 12);
    }
}
