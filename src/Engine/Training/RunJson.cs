using System.Text.Json;
using System.Text.Json.Serialization;

namespace PcDarts.Engine.Training;

/// <summary>The one JSON shape of everything a run writes: camelCase, nulls left out, enums as strings.</summary>
public static class RunJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>One line of metrics.jsonl: the epoch's metrics with its architecture snapshot alongside.</summary>
    public static string MetricsLine(EpochResult result)
    {
        var metrics = JsonSerializer.SerializeToNode(result.Metrics, Options)!.AsObject();
        if (result.Architecture is { } architecture)
            metrics["architecture"] = JsonSerializer.SerializeToNode(architecture, Options);
        return metrics.ToJsonString(Options);
    }
}
