namespace PcDarts.Engine.Tests.Training;

/// <summary>
/// Tests that compare two runs number for number build networks from torch's process-wide generator; other test
/// classes drawing from it at the same moment would change the initial weights, so these run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SequentialCollection
{
    public const string Name = "Exact reproduction";
}
