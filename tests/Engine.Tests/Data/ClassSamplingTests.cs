using PcDarts.Engine.Data;

namespace PcDarts.Engine.Tests.Data;

public class ClassSamplingTests
{
    /// <summary>Three classes of unequal size, interleaved as a folder set is not, so a "first N" rule could not pass.</summary>
    private static readonly int[] Classes = Enumerable.Range(0, 1000).Select(i => i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2).ToArray();

    [Fact]
    public void The_paper_split_takes_ten_and_two_and_a_half_percent_of_every_class_disjointly()
    {
        var (weights, architecture) = ClassSampling.Split(Classes, 0.125, 0.8, seed: 5);

        foreach (var (label, size) in new[] { (0, 500), (1, 300), (2, 200) })
        {
            var picked = (int)Math.Floor(0.125 * size);
            var forWeights = (int)Math.Floor(0.8 * picked);
            Assert.Equal(forWeights, weights.Count(i => Classes[i] == label));
            Assert.Equal(picked - forWeights, architecture.Count(i => Classes[i] == label));
        }
        Assert.Empty(weights.Intersect(architecture));
        Assert.Equal(weights.Length, weights.Distinct().Count());
    }

    [Fact]
    public void The_sample_is_drawn_from_the_seed_at_random_within_each_class()
    {
        var first = ClassSampling.Split(Classes, 0.125, 0.8, seed: 5);
        var again = ClassSampling.Split(Classes, 0.125, 0.8, seed: 5);
        var other = ClassSampling.Split(Classes, 0.125, 0.8, seed: 6);

        Assert.Equal(first.Weights, again.Weights);
        Assert.Equal(first.Architecture, again.Architecture);
        Assert.NotEqual(first.Weights, other.Weights);
        // Not the first images of a class: class 0's 62 picks spread over its 500 members.
        var classZero = Enumerable.Range(0, Classes.Length).Where(i => Classes[i] == 0).ToArray();
        var picks = first.Weights.Where(i => Classes[i] == 0).Select(i => Array.IndexOf(classZero, i)).ToArray();
        Assert.True(picks.Max() > 250, $"the picks of class 0 end at member {picks.Max()}");
    }
}
