using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Evaluation;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Interop;

/// <summary>Small evaluation networks whose cells use every operation, with BN statistics moved off their start values.</summary>
internal static class InteropNetworks
{
    /// <summary>Every primitive, and a skip_connect on a stride-2 edge (a factorized reduce).</summary>
    public static Genotype AllOperations { get; } = Genotype.Parse(
        "Genotype(normal=[('sep_conv_3x3', 0), ('sep_conv_5x5', 1), ('dil_conv_3x3', 0), ('dil_conv_5x5', 2), ('skip_connect', 1), " +
        "('avg_pool_3x3', 3), ('max_pool_3x3', 0), ('sep_conv_3x3', 4)], normal_concat=range(2, 6), " +
        "reduce=[('skip_connect', 0), ('max_pool_3x3', 1), ('avg_pool_3x3', 0), ('dil_conv_5x5', 2), ('sep_conv_5x5', 1), " +
        "('dil_conv_3x3', 3), ('sep_conv_3x3', 4), ('skip_connect', 2)], reduce_concat=range(2, 6))");

    public static EvalNetworkOptions Cifar { get; } = new(NetworkShapes.Cifar, 8, 5, 7, 3, Auxiliary: true);

    public static EvalNetworkOptions ImageNet { get; } = new(NetworkShapes.ImageNet, 8, 5, 6, 3, Auxiliary: true);

    /// <summary>The smallest image sides whose features still fill the auxiliary tower's 5×5 pool (8×8 at input / 4, 7×7 at input / 32).</summary>
    public static int ImageSize(EvalNetworkOptions options) => options.Shape == NetworkShapes.ImageNet ? 224 : 32;

    public static EvalNetwork Create(EvalNetworkOptions options, int seed)
    {
        torch.random.manual_seed(seed);
        var network = EvalNetwork.Create(options, AllOperations, CPU);
        network.train();
        using (no_grad())
        {
            for (var step = 0; step < 2; step++)
            {
                using var scope = NewDisposeScope();
                network.call(Images(options, 4, seed + step).Tensor);
            }
        }
        network.eval();
        return network;
    }

    public static (Tensor Tensor, float[] Values, long[] Shape) Images(EvalNetworkOptions options, int count, int seed)
    {
        var side = ImageSize(options);
        long[] shape = [count, options.InputChannels, side, side];
        var images = torch.randn(shape, generator: new Generator((ulong)seed + 1000));
        return (images, images.data<float>().ToArray(), shape);
    }
}
