using PcDarts.Core.Search;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Operations;

/// <summary>The search space as one table from primitive name to module (docs/pc-darts.md §1).</summary>
public static class OperationTable
{
    /// <param name="primitive">A name from <see cref="SearchSpace.Primitives"/>.</param>
    /// <param name="channels">Input and output channels (C/K inside a partial-channel mixed op).</param>
    /// <param name="stride">1, or 2 on the input edges of a reduction cell.</param>
    /// <param name="affine">BN affine parameters: off in the search network, on in the evaluation network.</param>
    public static nn.Module<Tensor, Tensor> Create(string primitive, int channels, int stride, bool affine)
    {
        if (stride is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(stride), stride, "stride must be 1 or 2");
        return primitive switch
        {
            SearchSpace.None => new Zero(stride),
            SearchSpace.MaxPool3x3 => new MaxPool3x3(stride),
            SearchSpace.AvgPool3x3 => new AvgPool3x3(stride),
            SearchSpace.SkipConnect => stride == 1 ? new Identity() : new FactorizedReduce(channels, channels, affine),
            SearchSpace.SepConv3x3 => new SepConv(channels, channels, 3, stride, 1, affine),
            SearchSpace.SepConv5x5 => new SepConv(channels, channels, 5, stride, 2, affine),
            SearchSpace.DilConv3x3 => new DilConv(channels, channels, 3, stride, 2, 2, affine),
            SearchSpace.DilConv5x5 => new DilConv(channels, channels, 5, stride, 4, 2, affine),
            _ => throw new ArgumentException(
                $"unknown primitive '{primitive}'; expected one of {string.Join(", ", SearchSpace.Primitives)}", nameof(primitive)),
        };
    }
}
