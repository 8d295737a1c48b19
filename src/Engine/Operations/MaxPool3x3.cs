using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Operations;

/// <summary>max_pool_3x3: 3×3 max pooling, padding 1, stride 1 or 2.</summary>
public sealed class MaxPool3x3 : nn.Module<Tensor, Tensor>
{
    private readonly int stride;

    public MaxPool3x3(int stride) : base(nameof(MaxPool3x3))
    {
        this.stride = stride;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => nn.functional.max_pool2d(x, 3, stride, 1);
}
