using PcDarts.Core.Specs;
using PcDarts.Engine.Search;
using PcDarts.Engine.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Training;

public class SearchStepsMemoryTests
{
    [Theory]
    [InlineData(2, true)]
    [InlineData(1, false)]
    public void A_search_step_leaves_no_live_tensor_behind(int k, bool edgeNormalization)
    {
        var spec = SearchPresets.Cifar10;
        using var network = SearchNetwork.Create(
            new SearchNetworkOptions(NetworkShapes.Cifar, 8, 3, 3, k, edgeNormalization, 3, 10), CPU);
        var weights = network.WeightParameters().ToArray();
        using var sgd = torch.optim.SGD(weights, spec.LearningRate, spec.Momentum, weight_decay: spec.WeightDecay);
        using var adam = torch.optim.Adam(network.Architecture.All, spec.ArchLearningRate, beta1: 0.5, beta2: 0.999);
        var steps = new SearchSteps(network, weights, sgd, adam, spec.GradClip, 5.0);
        network.train();

        // The first step creates the optimizers' state, which lives as long as they do.
        Step(steps, warmUp: true);
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        Step(steps);
        Step(steps);
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    private static void Step(SearchSteps steps, bool warmUp = false)
    {
        using var scope = torch.NewDisposeScope();
        var images = torch.randn(4, 3, 16, 16);
        var labels = torch.tensor(new long[] { 0, 1, 2, 3 });
        var liveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        steps.Architecture(images, labels);
        if (warmUp)
        {
            steps.Weights(images, labels);
            return;
        }
        // The architecture half-step keeps nothing: its graph is gone before the weight half-step starts.
        Assert.Equal(liveBefore, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        var (loss, logits) = steps.Weights(images, labels);
        // The weight half-step hands back exactly its loss and logits.
        Assert.Equal(liveBefore + 2, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.False(loss.requires_grad);
        Assert.Equal(new long[] { 4, 10 }, logits.shape);
    }
}
