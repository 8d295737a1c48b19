using System.CommandLine;
using System.Text.Json;
using PcDarts.Cli.CommandLine;
using PcDarts.Core.Genotypes;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts-runner derive`: raw α/β from a file to a genotype, by the authors' rule.</summary>
internal static class DeriveCommand
{
    public static Command Create()
    {
        var arch = CliOption.Text("--arch", "raw (pre-softmax) alphasNormal, alphasReduce (edges × 8), betasNormal, betasReduce (edges); the authors' alphas_normal, … names too", "FILE.json");
        arch.Required = true;
        var edgeNorm = CliOption.Switch("--edge-norm", "weigh the edges with β, as the search did (default on)");
        var json = CliOption.Flag("--json", "print the genotype as JSON instead of DARTS text");
        var command = new Command("derive", "derive a genotype from raw α/β by the authors' rule") { arch, edgeNorm, json };
        command.SetAction(r => Run(r.GetValue(arch)!, r.GetValue(edgeNorm) != OnOff.Off, r.GetValue(json)));
        return command;
    }

    private static int Run(string path, bool edgeNormalization, bool json)
    {
        if (!File.Exists(path)) throw new CliUsageException($"--arch: no file '{path}'");

        ArchitectureWeights weights;
        try
        {
            weights = ArchitectureWeights.FromJson(File.ReadAllText(path));
            if (!edgeNormalization) weights = new ArchitectureWeights(weights.AlphasNormal, weights.AlphasReduce);
            else if (!weights.HasBetas)
                throw new CliUsageException($"--edge-norm: '{path}' has no betasNormal/betasReduce; pass --edge-norm off to derive from α alone");
            var genotype = GenotypeDerivation.Derive(weights, edgeNormalization);
            Console.Out.WriteLine(json ? genotype.ToJson() : genotype.ToDartsText());
            return 0;
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"--arch: '{path}' is not a valid architecture file: {e.Message}");
        }
    }
}
