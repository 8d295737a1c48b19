using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Operations;

/// <summary>skip_connect at stride 1. Its own type because drop-path must recognise it and leave it alone.</summary>
public sealed class Identity : nn.Module<Tensor, Tensor>
{
    public Identity() : base(nameof(Identity)) => RegisterComponents();

    public override Tensor forward(Tensor x) => x;
}
