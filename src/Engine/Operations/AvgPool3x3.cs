using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Operations;

/// <summary>avg_pool_3x3: 3×3 average pooling, padding 1, and the padding is not counted in the average (DARTS).</summary>
public sealed class AvgPool3x3 : nn.Module<Tensor, Tensor>
{
    private readonly int stride;

    public AvgPool3x3(int stride) : base(nameof(AvgPool3x3))
    {
        this.stride = stride;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        nn.functional.avg_pool2d(x, 3, stride, 1, ceil_mode: false, count_include_pad: false);
}
