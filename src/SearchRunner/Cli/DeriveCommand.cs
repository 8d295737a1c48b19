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
            weights = ArchitectureWeights.FromJson(File.ReadAllText(path));
            if (!edgeNormalization) weights = new ArchitectureWeights(weights.AlphasNormal, weights.AlphasReduce);
            else if (!weights.HasBetas)
                throw new CliUsageException($"--edge-norm: '{path}' has no betasNormal/betasReduce; pass --edge-norm off to derive from α alone");
            var genotype = GenotypeDerivation.Derive(weights, edgeNormalization);
            Console.Out.WriteLine(args.Has("--json") ? genotype.ToJson() : genotype.ToDartsText());
            return 0;
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"--arch: '{path}' is not a valid architecture file: {e.Message}");
        }
    }
}
