using System.Text.Json;

namespace PcDarts.Web.Components.Studies;

/// <summary>One line of the study form's grid editor: a search-spec field and its values as typed ("1, 2, 4" or "true, false").</summary>
public sealed class GridRow
{
    public string Key { get; set; } = "seed";
    public string Values { get; set; } = "";

    /// <summary>Each comma-separated value as JSON when it reads as JSON (numbers, true/false), else as a string ("fashion-mnist").</summary>
    public JsonElement[] Parse() => Values.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(v =>
        {
            try { return JsonDocument.Parse(v).RootElement.Clone(); }
            catch (JsonException) { return JsonSerializer.SerializeToElement(v); }
        }).ToArray();

    public static GridRow From(string key, IEnumerable<JsonElement> values) =>
        new() { Key = key, Values = string.Join(", ", values.Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())) };

    /// <summary>The grid as the API takes it: each field once, with its rows' values in order.</summary>
    public static Dictionary<string, JsonElement[]> ToGrid(IEnumerable<GridRow> rows) =>
        rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.SelectMany(r => r.Parse()).ToArray());
}
