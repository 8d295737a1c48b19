using System.Text.Json;
using System.Text.Json.Serialization;

namespace PcDarts.Core.Genotypes;

/// <summary>
/// The JSON form <c>{"normal":[{"op":"sep_conv_3x3","input":1},...],"normalConcat":[2,3,4,5],"reduce":[...],"reduceConcat":[...]}</c>.
/// The shape is fixed here, whatever naming policy the caller's options carry, so a genotype inside any other record
/// (an experiment, an API response) always reads and writes the same way; reading validates like the constructor.
/// </summary>
public sealed class GenotypeJsonConverter : JsonConverter<Genotype>
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    private sealed record EdgeDto(string? Op, int? Input);

    private sealed record GenotypeDto(List<EdgeDto?>? Normal, List<int>? NormalConcat, List<EdgeDto?>? Reduce, List<int>? ReduceConcat);

    public override Genotype Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var dto = JsonSerializer.Deserialize<GenotypeDto>(ref reader, Options)
                  ?? throw new JsonException("a genotype cannot be null");
        try
        {
            return new Genotype(
                Edges(dto.Normal, "normal"), dto.NormalConcat ?? throw Missing("normalConcat"),
                Edges(dto.Reduce, "reduce"), dto.ReduceConcat ?? throw Missing("reduceConcat"));
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"invalid genotype: {e.Message}", e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Genotype value, JsonSerializerOptions options)
    {
        var dto = new GenotypeDto(
            value.Normal.Select(e => (EdgeDto?)new EdgeDto(e.Op, e.Input)).ToList(), value.NormalConcat.ToList(),
            value.Reduce.Select(e => (EdgeDto?)new EdgeDto(e.Op, e.Input)).ToList(), value.ReduceConcat.ToList());
        JsonSerializer.Serialize(writer, dto, Options);
    }

    internal static string Serialize(Genotype genotype) => JsonSerializer.Serialize(genotype, Options);

    internal static Genotype Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return JsonSerializer.Deserialize<Genotype>(json, Options) ?? throw new JsonException("a genotype cannot be null");
    }

    private static IEnumerable<GenotypeEdge> Edges(List<EdgeDto?>? edges, string field)
    {
        if (edges is null) throw Missing(field);
        return edges.Select((e, i) => new GenotypeEdge(
            e?.Op ?? throw new JsonException($"{field}[{i}] needs an \"op\""),
            e.Input ?? throw new JsonException($"{field}[{i}] needs an \"input\""))).ToArray();
    }

    private static JsonException Missing(string field) => new($"a genotype needs \"{field}\"");
}
