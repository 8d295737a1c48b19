using PcDarts.Engine.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace PcDarts.Engine.Tests.Data;

public class BatchLoaderTests
{
    private static readonly AugmentOptions Cifar = AugmentOptions.ForDataset(PcDarts.Core.Specs.DatasetNames.Cifar10, cutout: true);

    [Fact]
    public void Batches_cover_the_indices_in_order_keeping_the_last_partial_batch()
    {
        using var scope = NewDisposeScope();
        using var data = SyntheticDataset.Create(10, 3, 8, 10, seed: 1);
        var order = EpochOrder.Shuffle(10, seed: 1, epoch: 0);

        var batches = BatchLoader.Batches(data, order, 4, Cifar, CPU, train: true, seedBase: 7).ToList();

        Assert.Equal([4L, 4L, 2L], batches.Select(b => b.images.shape[0]));
        var labels = cat(batches.Select(b => b.labels).ToList(), 0);
        Assert.True(labels.Equals(data.Labels.index_select(0, tensor(order.Select(i => (long)i).ToArray()))));
    }

    [Fact]
    public void A_batch_built_directly_equals_the_same_batch_from_the_sequence()
    {
        using var scope = NewDisposeScope();
        using var data = SyntheticDataset.Create(40, 3, 8, 10, seed: 1);
        var order = EpochOrder.Shuffle(40, seed: 1, epoch: 3);

        var third = BatchLoader.Batches(data, order, 16, Cifar, CPU, train: true, seedBase: 7).ElementAt(2);
        var direct = BatchLoader.GetBatch(data, order, 16, 2, Cifar, CPU, train: true, seedBase: 7);

        Assert.True(third.images.Equals(direct.images));
        Assert.True(third.labels.Equals(direct.labels));
    }

    [Fact]
    public void Yielded_tensors_belong_to_the_callers_scope()
    {
        using var data = SyntheticDataset.Create(8, 3, 8, 10, seed: 1);
        Tensor images;
        using (NewDisposeScope())
        {
            (images, _) = BatchLoader.GetBatch(data, [0, 1, 2], 2, 0, Cifar, CPU, train: true, seedBase: 0);
            Assert.False(images.IsInvalid);
        }
        Assert.True(images.IsInvalid);
        Assert.False(data.Images.IsInvalid);
    }

    [Fact]
    public void Rejects_a_batch_index_past_the_end()
    {
        using var data = SyntheticDataset.Create(8, 3, 8, 10, seed: 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchLoader.GetBatch(data, [0, 1, 2], 2, 2, Cifar, CPU, train: false, seedBase: 0));
    }
}
