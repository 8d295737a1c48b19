using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Training;

/// <summary>
/// The retrain's training loss: cross-entropy, label-smoothed by ε (0.1 on ImageNet, 0 on CIFAR; docs/pc-darts.md §5).
/// train_imagenet.py's CrossEntropyLabelSmooth mixes the one-hot target with ε/classes of every class, which comes to
/// (1 − ε)·NLL + ε·mean over classes of (−log p) — exactly libtorch's own `label_smoothing`, so that is what runs.
/// </summary>
public static class RetrainLoss
{
    public static Tensor Of(Tensor logits, Tensor labels, double labelSmoothing) =>
        nn.functional.cross_entropy(logits, labels, label_smoothing: labelSmoothing);
}
