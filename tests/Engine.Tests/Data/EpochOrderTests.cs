using PcDarts.Engine.Data;

namespace PcDarts.Engine.Tests.Data;

public class EpochOrderTests
{
    [Fact]
    public void Shuffle_is_a_permutation()
    {
        var order = EpochOrder.Shuffle(1000, seed: 2, epoch: 7);
        Assert.Equal(Enumerable.Range(0, 1000), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), order);
    }

    [Fact]
    public void Shuffle_depends_only_on_seed_and_epoch()
    {
        Assert.Equal(EpochOrder.Shuffle(500, 2, 7), EpochOrder.Shuffle(500, 2, 7));
        Assert.NotEqual(EpochOrder.Shuffle(500, 2, 7), EpochOrder.Shuffle(500, 2, 8));
        Assert.NotEqual(EpochOrder.Shuffle(500, 2, 7), EpochOrder.Shuffle(500, 3, 7));
    }

    [Fact]
    public void Shuffle_is_pinned_across_processes()
    {
        // A change here breaks resuming runs that were stored before it.
        Assert.Equal([6, 7, 4, 1, 3, 5, 2, 0], EpochOrder.Shuffle(8, seed: 1, epoch: 0));
    }

    [Fact]
    public void Subset_shuffle_permutes_exactly_the_given_indices()
    {
        int[] part = [10, 11, 12, 13, 14, 15];
        var shuffled = EpochOrder.Shuffle(part, seed: 4, epoch: 1);
        Assert.Equal(part, shuffled.Order());
        Assert.Equal([10, 11, 12, 13, 14, 15], part);
    }

    [Theory]
    [InlineData(50000, 0.5, 25000)]
    [InlineData(10, 0.25, 2)]
    [InlineData(7, 0.5, 3)]
    [InlineData(5, 1.0, 5)]
    public void Split_takes_the_floor_for_the_weights_and_the_rest_for_the_architecture(int count, double portion, int split)
    {
        var (weights, architecture) = TrainSplit.Split(count, portion);
        Assert.Equal(Enumerable.Range(0, split), weights);
        Assert.Equal(Enumerable.Range(split, count - split), architecture);
    }
}
