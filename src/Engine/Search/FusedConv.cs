using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Search;

/// <summary>
/// One conv slot over all edges of a level as one grouped conv: the edges' weights are concatenated along the
/// output channels (gradients flow back to each edge's own parameter through the concatenation), and each group
/// sees only its edge's input channels. A depthwise slot has one group per channel, a pointwise slot one per edge.
/// </summary>
internal sealed class FusedConv(Conv2d[] edgeConvs, bool depthwise)
{
    private readonly long[] stride = [edgeConvs[0].stride[0], edgeConvs[0].stride[1]];
    private readonly long[] padding = [edgeConvs[0].padding![0], edgeConvs[0].padding![1]];
    private readonly long[] dilation = [edgeConvs[0].dilation[0], edgeConvs[0].dilation[1]];

    public Tensor Apply(Tensor x)
    {
        // Read each pass: moving or loading the module may replace a parameter.
        var weight = edgeConvs.Length == 1 ? edgeConvs[0].weight! : torch.cat(edgeConvs.Select(c => (Tensor)c.weight!).ToArray(), 0);
        var groups = depthwise ? weight.shape[0] : edgeConvs.Length;
        return nn.functional.conv2d(x, weight, null, stride, padding, dilation, groups);
    }
}
