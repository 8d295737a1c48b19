using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Evaluation;

/// <summary>
/// Size and arithmetic of a network, as papers report them (docs/pc-darts.md §5, §8).
/// Parameters: every element of <c>parameters()</c> (conv and linear weights, linear biases, affine BN weights and
/// biases; BN running statistics are buffers and not counted).
/// Multiply-adds: convolutions (output elements × input channels per group × kernel area) and linear layers
/// (inputs × outputs) of one forward pass of one image, measured with forward hooks so the count follows whatever the
/// network really runs. Not counted: BN, ReLU, pooling, additions, concatenation, biases. On PC_DARTS_image at 224×224
/// this gives ≈ 582 M, where the paper states 597 M.
/// </summary>
public static class ModelCost
{
    public static long Parameters(nn.Module module) => module.parameters().Sum(p => p.numel());

    /// <summary>
    /// Parameters without the auxiliary tower (it is dropped after training, and papers report the size without it)
    /// and multiply-adds of one <paramref name="imageSize"/>² image in eval mode, where the tower does not run.
    /// </summary>
    public static ModelCostReport Measure(EvalNetwork network, int imageSize)
    {
        ArgumentNullException.ThrowIfNull(network);
        var auxiliary = network.AuxiliaryHead is null ? 0 : Parameters(network.AuxiliaryHead);
        var device = network.parameters().First().device;
        var macs = MultiplyAdds(network, () =>
            network.call(torch.zeros([1, network.Options.InputChannels, imageSize, imageSize], device: device)));
        return new ModelCostReport(Parameters(network) - auxiliary, auxiliary, macs);
    }

    /// <summary>Multiply-adds of the conv and linear layers inside <paramref name="network"/> while <paramref name="forward"/> runs it once on one image.</summary>
    public static long MultiplyAdds(nn.Module network, Action forward)
    {
        long total = 0;
        var removers = new List<Action>();
        foreach (var module in network.modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    var kernelWork = conv.weight.shape[1] * conv.weight.shape[2] * conv.weight.shape[3];
                    removers.Add(conv.register_forward_hook((_, _, output) =>
                    {
                        total += output.numel() / output.shape[0] * kernelWork;
                        return output;
                    }).remove);
                    break;
                case Linear linear:
                    var linearWork = linear.weight.numel();
                    removers.Add(linear.register_forward_hook((_, _, output) =>
                    {
                        total += linearWork * (output.numel() / output.shape[0] / output.shape[^1]);
                        return output;
                    }).remove);
                    break;
            }
        }
        var wasTraining = network.training;
        try
        {
            network.eval();
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            forward();
        }
        finally
        {
            foreach (var remove in removers) remove();
            network.train(wasTraining);
        }
        return total;
    }
}

/// <param name="Parameters">Parameters without the auxiliary tower.</param>
/// <param name="AuxiliaryParameters">Parameters of the auxiliary tower (0 without one).</param>
/// <param name="MultiplyAdds">Conv and linear multiply-adds of one image in eval mode.</param>
public sealed record ModelCostReport(long Parameters, long AuxiliaryParameters, long MultiplyAdds);
