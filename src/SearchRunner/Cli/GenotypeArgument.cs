using PcDarts.Core.Genotypes;

using PcDarts.Cli.CommandLine;

namespace PcDarts.SearchRunner.Cli;

/// <summary>--genotype NAME|FILE: a published genotype by name, or a file in DARTS text or JSON.</summary>
internal static class GenotypeArgument
{
    public static Genotype Resolve(string value, string flag = "--genotype")
    {
        if (File.Exists(value))
        {
            try { return Genotype.ParseAny(File.ReadAllText(value)); }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or ArgumentException)
            {
                throw new CliUsageException($"{flag}: '{value}' is not a genotype: {e.Message}");
            }
        }
        if (PublishedGenotypes.TryGet(value, out var genotype)) return genotype;
        throw new CliUsageException($"{flag}: '{value}' is neither a file nor a published genotype ({string.Join(", ", PublishedGenotypes.Names)})");
    }
}
