using PcDarts.Engine.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Data;

public class SyntheticDatasetTests
{
    [Fact]
    public void Same_seed_gives_identical_tensors()
    {
        using var scope = NewDisposeScope();
        using var a = SyntheticDataset.Create(64, 3, 16, 10, seed: 5);
        using var b = SyntheticDataset.Create(64, 3, 16, 10, seed: 5);

        Assert.True(a.Images.Equals(b.Images));
        Assert.True(a.Labels.Equals(b.Labels));
    }

    [Fact]
    public void Different_seeds_or_splits_give_different_images()
    {
        using var scope = NewDisposeScope();
        using var a = SyntheticDataset.Create(64, 3, 16, 10, seed: 5);
        using var b = SyntheticDataset.Create(64, 3, 16, 10, seed: 6);
        using var test = SyntheticDataset.Create(64, 3, 16, 10, seed: 5, DatasetSplit.Test);

        Assert.False(a.Images.Equals(b.Images));
        Assert.False(a.Images.Equals(test.Images));
    }

    [Fact]
    public void Fixed_bytes_do_not_depend_on_the_process()
    {
        // Pinned values: a change here means every stored synthetic run would change too.
        using var scope = NewDisposeScope();
        using var data = SyntheticDataset.Create(8, 3, 8, 4, seed: 1);

        Assert.Equal([0L, 2L, 1L, 0L, 2L, 3L, 3L, 1L], data.Labels.data<long>().ToArray());
        Assert.Equal(196991L, data.Images.to(ScalarType.Int64).sum().item<long>());
        Assert.Equal(8684212398183727608UL, Fnv1a(data.Images.data<byte>().ToArray()));
    }

    private static ulong Fnv1a(byte[] bytes)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in bytes) hash = (hash ^ b) * 0x100000001B3UL;
        return hash;
    }

    [Fact]
    public void Classes_are_balanced()
    {
        using var scope = NewDisposeScope();
        using var data = SyntheticDataset.Create(100, 3, 8, 10, seed: 3);
        Assert.Equal(Enumerable.Repeat(10L, 10), data.Labels.bincount(null).data<long>().ToArray());
    }

    [Fact]
    public void A_linear_model_learns_it_within_a_few_dozen_steps()
    {
        using var scope = NewDisposeScope();
        using var data = SyntheticDataset.Create(512, 3, 32, 10, seed: 11);
        var aug = AugmentOptions.ForDataset(PcDarts.Core.Specs.DatasetNames.Synthetic, cutout: false);
        manual_seed(0);
        var model = nn.Linear(3 * 32 * 32, 10);
        var optimizer = optim.SGD(model.parameters(), 0.01);
        var losses = new List<float>();
        var order = EpochOrder.Shuffle(data.Count, seed: 0, epoch: 0);
        for (var step = 0; step < 30; step++)
        {
            using var stepScope = NewDisposeScope();
            var (images, labels) = BatchLoader.GetBatch(data, order, 32, step % 16, aug, CPU, train: true, seedBase: 0);
            var loss = nn.functional.cross_entropy(model.call(images.flatten(1)), labels);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        Assert.True(losses.TakeLast(5).Average() < 0.3 * losses.Take(5).Average(),
            $"loss went {losses.Take(5).Average():F3} → {losses.TakeLast(5).Average():F3}");
    }
}
