using static TorchSharp.torch;

namespace PcDarts.Engine.Operations;

/// <summary>
/// An op whose first step is ReLU of its input. A mixed op feeds the same input to four or five such ops; computing
/// the ReLU once and handing it over saves that many full-size tensors per edge (docs/pc-darts.md §8: memory and dispatch
/// bound on CPU). Values and gradients are the same as calling each op on the raw input.
/// </summary>
public interface IReluFirst
{
    /// <param name="rectified">ReLU of the op's input.</param>
    Tensor ForwardRectified(Tensor rectified);
}
