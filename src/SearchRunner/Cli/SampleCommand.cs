using System.CommandLine;
using PcDarts.Cli.CommandLine;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Search;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts-runner sample`: a uniformly random genotype, the baseline every search should beat.</summary>
internal static class SampleCommand
{
    public static Command Create()
    {
        var seed = CliOption.Int("--seed", "the random seed: the same seed gives the same genotype", "S");
        seed.Required = true;
        var nodes = CliOption.Int("--nodes", $"intermediate nodes per cell ({SearchSpace.MinNodes}..{SearchSpace.MaxNodes}, default 4)");
        var json = CliOption.Flag("--json", "print the genotype as JSON instead of DARTS text");
        var command = new Command("sample", "print a uniformly random valid genotype of the search space (the baseline)") { seed, nodes, json };
        command.SetAction(r =>
        {
            var nodeCount = r.GetValue(nodes) ?? 4;
            if (nodeCount is < SearchSpace.MinNodes or > SearchSpace.MaxNodes)
                throw new CliUsageException($"--nodes must be between {SearchSpace.MinNodes} and {SearchSpace.MaxNodes}, got {nodeCount}");
            var genotype = RandomGenotype.Sample(r.GetValue(seed)!.Value, nodeCount);
            Console.Out.WriteLine(r.GetValue(json) ? genotype.ToJson() : genotype.ToDartsText());
            return 0;
        });
        return command;
    }
}
