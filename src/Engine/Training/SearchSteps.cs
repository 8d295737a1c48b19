using PcDarts.Engine.Search;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PcDarts.Engine.Training;

/// <summary>
/// The two updates of a PC-DARTS step (authors' train_search.py), shared by the search loop and the benchmark.
/// Each freezes the other side's parameters for its backward pass: the result is the same, and the gradients
/// that the next step would zero anyway are never computed. Each half-step runs in a dispose scope of its own, so
/// what the architecture half-step's graph held is freed before the weight half-step builds its own: the peak is one
/// half-step's graph, as in PyTorch.
/// </summary>
public sealed class SearchSteps(SearchNetwork network, Parameter[] weights, SGD weightOptimizer, Adam architectureOptimizer,
    double gradClip, double? architectureGradClip)
{
    /// <summary>The gradient-norm clip of the weight step (both search scripts: 5).</summary>
    public double WeightGradClip => gradClip;

    /// <summary>The gradient-norm clip of the architecture step: none in train_search.py, 5 in train_search_imagenet.py.</summary>
    public double? ArchitectureGradClip => architectureGradClip;

    /// <summary>First-order DARTS: α/β follow the gradient of the architecture-batch loss with the weights held fixed.</summary>
    public void Architecture(Tensor images, Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        SetRequiresGrad(weights, false);
        architectureOptimizer.zero_grad();
        var loss = nn.functional.cross_entropy(network.forward(images), labels);
        loss.backward();
        if (architectureGradClip is { } clip)
            nn.utils.clip_grad_norm_(network.Architecture.All, clip);
        architectureOptimizer.step();
        SetRequiresGrad(weights, true);
    }

    /// <summary>SGD on the weights with α/β held fixed; returns the batch's mean loss and logits, detached and owned by
    /// the caller's dispose scope.</summary>
    public (Tensor Loss, Tensor Logits) Weights(Tensor images, Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        SetRequiresGrad(network.Architecture.All, false);
        weightOptimizer.zero_grad();
        var logits = network.forward(images);
        var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();
        nn.utils.clip_grad_norm_(weights, gradClip);
        weightOptimizer.step();
        SetRequiresGrad(network.Architecture.All, true);
        return (loss.detach().MoveToOuterDisposeScope(), logits.detach().MoveToOuterDisposeScope());
    }

    private static void SetRequiresGrad(IEnumerable<Parameter> parameters, bool requiresGrad)
    {
        foreach (var parameter in parameters) parameter.requires_grad = requiresGrad;
    }
}
