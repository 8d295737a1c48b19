using System.Text.Json;
using PcDarts.Core.Genotypes;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts derive`: raw α/β from a file to a genotype, by the authors' rule.</summary>
internal static class DeriveCommand
{
    public const string Usage = """
        pcdarts derive --arch FILE.json [--edge-norm on|off] [--json]

          FILE.json holds raw (pre-softmax) alphasNormal, alphasReduce (edges × 8), betasNormal, betasReduce (edges).
          Prints the genotype in DARTS text (JSON with --json).
        """;

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("derive", rawArgs, ["--arch", "--edge-norm"], ["--json"]);
        args.ExpectPositionals(0, "pcdarts derive --arch FILE.json");
        var path = args.RequiredText("--arch");
        if (!File.Exists(path)) throw new CliUsageException($"--arch: no file '{path}'");
        var edgeNormalization = args.Switch("--edge-norm") ?? true;

        ArchitectureWeights weights;
        try
        {
            weights = JsonSerializer.Deserialize<ArchitectureWeights>(File.ReadAllText(path), Training.RunJson.Options)
                ?? throw new CliUsageException($"--arch: '{path}' is empty");
            if (!edgeNormalization) weights = weights with { BetasNormal = null, BetasReduce = null };
            var genotype = GenotypeDerivation.Derive(weights, edgeNormalization);
            Console.Out.WriteLine(args.Has("--json") ? genotype.ToJson() : genotype.ToDartsText());
            return 0;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new CliUsageException($"--arch: '{path}' is not a valid architecture file: {e.Message}");
        }
    }
}
