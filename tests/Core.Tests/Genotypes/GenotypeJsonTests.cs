using System.Text.Json;
using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Tests.Genotypes;

public class GenotypeJsonTests
{
    [Fact]
    public void Writes_the_camel_case_shape()
    {
        var json = PublishedGenotypes.PC_DARTS_cifar.ToJson();

        Assert.StartsWith("""{"normal":[{"op":"sep_conv_3x3","input":1},{"op":"skip_connect","input":0},""", json);
        Assert.Contains(""" "normalConcat":[2,3,4,5],"reduce":[{"op":"sep_conv_5x5","input":1},""".Trim(), json);
        Assert.EndsWith(""" "reduceConcat":[2,3,4,5]}""".Trim(), json);
    }

    [Theory]
    [InlineData("PC_DARTS_cifar")]
    [InlineData("PC_DARTS_image")]
    [InlineData("DARTS_V1")]
    [InlineData("DARTS_V2")]
    public void Round_trips(string name)
    {
        var genotype = PublishedGenotypes.Get(name);

        Assert.Equal(genotype, Genotype.FromJson(genotype.ToJson()));
    }

    private sealed record Experiment(string Name, Genotype Genotype);

    [Fact]
    public void Keeps_its_shape_inside_another_record_whatever_the_caller_naming_policy()
    {
        var experiment = new Experiment("run-1", PublishedGenotypes.DARTS_V2);

        var json = JsonSerializer.Serialize(experiment);

        Assert.Contains("\"Genotype\":{\"normal\":[{\"op\":\"sep_conv_3x3\",\"input\":0}", json);
        Assert.Equal(experiment, JsonSerializer.Deserialize<Experiment>(json));
    }

    [Theory]
    [InlineData("""{"normal":[],"normalConcat":[2],"reduce":[],"reduceConcat":[2]}""", "normal has 0 intermediate nodes")]
    [InlineData("""{"normalConcat":[2,3,4,5]}""", "needs \"normal\"")]
    [InlineData("""{"normal":[{"op":"sep_conv_3x3"}]}""", "normal[0] needs an \"input\"")]
    [InlineData("""{"normal":[],"normalConcat":[2],"reduce":[],"reduceConcat":[2],"extra":1}""", "extra")]
    public void Invalid_json_says_why(string json, string expected)
    {
        var e = Assert.Throws<JsonException>(() => Genotype.FromJson(json));

        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ParseAny_detects_json_text_and_names()
    {
        var cifar = PublishedGenotypes.PC_DARTS_cifar;

        Assert.Equal(cifar, Genotype.ParseAny("  " + cifar.ToJson()));
        Assert.Equal(cifar, Genotype.ParseAny(PublishedGenotypes.PcDartsCifarText));
        Assert.Equal(cifar, Genotype.ParseAny("PC_DARTS_cifar"));
        Assert.Equal(cifar, Genotype.ParseAny("pc_darts_CIFAR"));
        Assert.Equal(cifar, Genotype.ParseAny("PCDARTS"));
    }

    [Theory]
    [InlineData("NASNet", "known names: PC_DARTS_cifar")]
    [InlineData("{\"normal\":", "invalid genotype JSON")]
    [InlineData("Genotype(normal=[", "position 17 (line 1, column 18)")]
    public void ParseAny_fails_with_a_format_exception(string input, string expected)
    {
        var e = Assert.ThrowsAny<FormatException>(() => Genotype.ParseAny(input));

        Assert.Contains(expected, e.Message);
        Assert.False(Genotype.TryParseAny(input, out _, out var error));
        Assert.Equal(e.Message, error);
    }
}
