using PcDarts.Engine.Evaluation;
using PcDarts.Engine.Operations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Interop;

/// <summary>
/// The name each tensor of an evaluation network has in the authors' model.py (NetworkCIFAR / NetworkImageNet and the
/// operations they build): their modules are nn.Sequential chains with numbered children, ours name their layers.
/// Every parameter and buffer is mapped; a module this table does not know is an error, not a silent gap.
/// </summary>
public static class AuthorsKeys
{
    /// <summary>Positions in the authors' stems: stem = conv, BN; stem0 = conv, BN, ReLU, conv, BN; stem1 = ReLU, conv, BN.</summary>
    private static readonly Dictionary<string, string> StemLayers = new()
    {
        ["stem.conv"] = "0", ["stem.bn"] = "1",
        ["stem0.conv0"] = "0", ["stem0.bn0"] = "1", ["stem0.relu"] = "2", ["stem0.conv1"] = "3", ["stem0.bn1"] = "4",
        ["stem1.relu"] = "0", ["stem1.conv"] = "1", ["stem1.bn"] = "2",
    };

    /// <summary>Our state_dict key → the authors' key, for every entry of <paramref name="network"/>'s state_dict.</summary>
    public static IReadOnlyDictionary<string, string> Of(EvalNetwork network)
    {
        var modules = new Dictionary<string, string>();
        Walk(network, "", "", modules);
        var keys = new Dictionary<string, string>();
        foreach (var (name, _) in network.state_dict())
        {
            var cut = name.LastIndexOf('.');
            var module = cut < 0 ? "" : modules[name[..cut]];
            keys[name] = Join(module, name[(cut + 1)..]);
        }
        return keys;
    }

    private static void Walk(nn.Module module, string ours, string authors, Dictionary<string, string> modules)
    {
        foreach (var (name, child) in module.named_children())
        {
            var childOurs = Join(ours, name);
            var renamed = AuthorsChild(module, childOurs, name)
                ?? throw new InvalidOperationException($"no authors' name for '{childOurs}' ({child.GetType().Name} in {module.GetType().Name})");
            var childAuthors = Join(authors, renamed);
            modules[childOurs] = childAuthors;
            Walk(child, childOurs, childAuthors, modules);
        }
    }

    /// <summary>operations.py: ReLUConvBN, SepConv and DilConv keep their layers in `op` behind a ReLU at position 0.</summary>
    private static string? AuthorsChild(nn.Module parent, string path, string name) => parent switch
    {
        EvalNetwork => name switch { "auxiliary" => "auxiliary_head", "stem" or "stem0" or "stem1" or "cells" or "classifier" => name, _ => null },
        Sequential => StemLayers.GetValueOrDefault(path),
        ModuleList<EvalCell> => name,
        EvalCell => name switch { "ops" => "_ops", "preprocess0" or "preprocess1" => name, _ => null },
        ModuleList<nn.Module<Tensor, Tensor>> => name,
        ReLUConvBN => name switch { "conv" => "op.1", "bn" => "op.2", _ => null },
        SepConv => name switch
        {
            "depthwise1" => "op.1", "pointwise1" => "op.2", "bn1" => "op.3",
            "depthwise2" => "op.5", "pointwise2" => "op.6", "bn2" => "op.7", _ => null,
        },
        DilConv => name switch { "depthwise" => "op.1", "pointwise" => "op.2", "bn" => "op.3", _ => null },
        FactorizedReduce => name switch { "conv1" => "conv_1", "conv2" => "conv_2", "bn" => "bn", _ => null },
        // features = ReLU, AvgPool, conv 1×1, BN, ReLU, conv 2×2, BN (CIFAR only), ReLU; then classifier.
        AuxiliaryHeadCifar or AuxiliaryHeadImageNet => name switch
        {
            "reduce" => "features.2", "reduceBn" => "features.3", "expand" => "features.5", "expandBn" => "features.6",
            "classifier" => "classifier", _ => null,
        },
        _ => null,
    };

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
