using PcDarts.Engine.Data;
using PcDarts.Engine.Training;

namespace PcDarts.Engine.Tests.Training;

public class ArchitectureBatchesTests
{
    [Fact]
    public void With_an_uneven_split_no_architecture_batch_repeats_within_an_epoch_and_none_is_partial()
    {
        // The ImageNet preset's train portion 0.8: four weight batches for every architecture batch's worth of data.
        var (weights, architecture) = TrainSplit.Split(1000, 0.8);
        const int batch = 48;
        var steps = BatchLoader.BatchCount(weights.Length, batch);
        var batches = new ArchitectureBatches(architecture, batch, seed: 2, epoch: 7);

        var drawn = Enumerable.Range(0, steps).Select(batches.IndicesAt).ToList();

        Assert.All(drawn, indices => Assert.Equal(batch, indices.Distinct().Count()));
        Assert.All(drawn, indices => Assert.All(indices, index => Assert.Contains(index, architecture)));
        var asSets = drawn.Select(indices => string.Join(",", indices.Order())).ToList();
        Assert.Equal(steps, asSets.Distinct().Count());
        Assert.Equal(steps, Enumerable.Range(0, steps).Select(batches.AugmentSeedAt).Distinct().Count());
        // Within one pass over the architecture half (4 full batches of 48 from 200) no example is drawn twice.
        Assert.Equal(4 * batch, drawn.Take(4).SelectMany(i => i).Distinct().Count());
        // The next pass is a fresh shuffle, not the first one again.
        Assert.NotEqual(drawn[0], drawn[4]);
    }

    [Fact]
    public void A_step_is_the_same_whether_reached_in_order_or_directly_as_on_resume()
    {
        var architecture = Enumerable.Range(500, 130).ToArray();
        var inOrder = new ArchitectureBatches(architecture, 32, seed: 5, epoch: 3);
        var sequence = Enumerable.Range(0, 20).Select(inOrder.IndicesAt).ToList();

        var direct = new ArchitectureBatches(architecture, 32, seed: 5, epoch: 3);
        Assert.Equal(sequence[17], direct.IndicesAt(17));
        Assert.Equal(inOrder.AugmentSeedAt(17), direct.AugmentSeedAt(17));
        Assert.NotEqual(sequence[0], new ArchitectureBatches(architecture, 32, seed: 5, epoch: 4).IndicesAt(0));
    }

    [Fact]
    public void An_architecture_half_smaller_than_a_batch_is_used_whole()
    {
        var batches = new ArchitectureBatches([3, 4, 5], 8, seed: 1, epoch: 1);
        Assert.Equal([3, 4, 5], batches.IndicesAt(0).Order());
        Assert.Equal([3, 4, 5], batches.IndicesAt(5).Order());
    }
}
