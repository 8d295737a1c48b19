using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Operations;

/// <summary>
/// The `none` op: zeros, of the strided shape at stride 2 (the authors take x[:, :, ::s, ::s] · 0). Built from the
/// shape alone: the result does not depend on x, so no graph edge is needed.
/// </summary>
public sealed class Zero : nn.Module<Tensor, Tensor>
{
    private readonly int stride;

    public Zero(int stride) : base(nameof(Zero))
    {
        this.stride = stride;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        if (stride == 1) return torch.zeros_like(x);
        // ceil(H / s): the size of x[:, :, ::s, ::s].
        var height = (x.shape[2] + stride - 1) / stride;
        var width = (x.shape[3] + stride - 1) / stride;
        return torch.zeros([x.shape[0], x.shape[1], height, width], dtype: x.dtype, device: x.device);
    }
}
