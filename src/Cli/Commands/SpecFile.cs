using System.Text.Json;
using System.Text.Json.Serialization;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Remote;

namespace PcDarts.Cli.Commands;

/// <summary>--spec FILE.json: a whole spec in the REST API's camelCase form; an unknown field is a mistake to name.</summary>
internal static class SpecFile
{
    public static T? Read<T>(string? path) where T : class
    {
        if (path is null) return null;
        if (!File.Exists(path)) throw new CliUsageException($"--spec: no file '{path}'");
        try
        {
            var options = new JsonSerializerOptions(ExperimentsClient.Json) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), options) ?? throw new CliUsageException($"--spec: '{path}' is empty");
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"--spec: '{path}': {e.Message}");
        }
    }
}
