using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// One entry point for what users paste or pass on a command line: JSON, DARTS text (from the authors' logs or
/// genotypes.py), or a published name such as <c>PC_DARTS_cifar</c>.
/// </summary>
internal static class GenotypeInput
{
    public static Genotype Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DartsTextParser.CheckLength(input);
        var trimmed = input.Trim();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                return Genotype.FromJson(trimmed);
            }
            catch (JsonException e)
            {
                throw new FormatException($"invalid genotype JSON: {e.Message}", e);
            }
        }
        if (PublishedGenotypes.TryGet(trimmed, out var published)) return published;
        if (trimmed.Contains('(')) return Genotype.Parse(input);
        throw new FormatException(
            $"'{trimmed}' is neither JSON, DARTS text nor a published genotype; known names: {string.Join(", ", PublishedGenotypes.Names)}");
    }

    public static bool TryParse(string input, [NotNullWhen(true)] out Genotype? genotype, [NotNullWhen(false)] out string? error)
    {
        try
        {
            genotype = Parse(input);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            genotype = null;
            error = e.Message;
            return false;
        }
    }
}
