using PcDarts.Core.Genotypes;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts sample`: a uniformly random genotype, the baseline every search should beat.</summary>
internal static class SampleCommand
{
    public const string Usage = """
        pcdarts sample --seed S [--nodes 3..5] [--json]

          Prints a uniformly random valid genotype of the search space (DARTS text, JSON with --json).
        """;

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("sample", rawArgs, ["--seed", "--nodes"], ["--json"]);
        args.ExpectPositionals(0, "pcdarts sample --seed S");
        var seed = args.Int("--seed") ?? throw new CliUsageException("'pcdarts sample' needs --seed");
        var nodes = args.Int("--nodes") ?? 4;
        if (nodes is < Core.Search.SearchSpace.MinNodes or > Core.Search.SearchSpace.MaxNodes)
            throw new CliUsageException($"--nodes must be between {Core.Search.SearchSpace.MinNodes} and {Core.Search.SearchSpace.MaxNodes}, got {nodes}");
        var genotype = RandomGenotype.Sample(seed, nodes);
        Console.Out.WriteLine(args.Has("--json") ? genotype.ToJson() : genotype.ToDartsText());
        return 0;
    }
}
