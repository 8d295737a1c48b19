using System.Text.Json;

namespace PcDarts.Web.Data;

/// <summary>Reads the few spec fields the pages show from an experiment's stored spec JSON (search or retrain).</summary>
public static class ExperimentSpec
{
    public static string? String(JsonElement spec, string field) =>
        spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static double? Number(JsonElement spec, string field) =>
        spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    public static bool? Bool(JsonElement spec, string field) =>
        spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty(field, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? v.GetBoolean() : null;
}
