using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Tests.Genotypes;

public class DartsTextErrorTests
{
    private static readonly string Cifar = PublishedGenotypes.PcDartsCifarText;

    private static GenotypeFormatException Fails(string text) => Assert.Throws<GenotypeFormatException>(() => Genotype.Parse(text));

    [Fact]
    public void A_tuple_missing_its_input_names_the_position_and_what_was_expected()
    {
        var e = Fails("Genotype(normal=[('sep_conv_3x3')");

        Assert.Equal("position 32 (line 1, column 33): expected ',' but found ')'", e.Message);
        Assert.Equal(32, e.Position);
        Assert.IsAssignableFrom<FormatException>(e);
    }

    [Fact]
    public void A_missing_closing_bracket_points_at_the_next_field()
    {
        var text = Cifar.Replace("('dil_conv_3x3', 1)], normal_concat", "('dil_conv_3x3', 1) normal_concat");

        var e = Fails(text);

        var at = text.IndexOf("normal_concat", StringComparison.Ordinal);
        Assert.Equal($"position {at} (line 1, column {at + 1}): expected ',' or ']' but found 'normal_concat'", e.Message);
    }

    [Fact]
    public void An_unknown_operation_is_named_at_its_string()
    {
        var text = Cifar.Replace("('sep_conv_5x5', 0)", "('sep_conv_7x7', 0)");

        var e = Fails(text);

        Assert.Equal(text.IndexOf("'sep_conv_7x7'", StringComparison.Ordinal), e.Position);
        Assert.Contains("unknown operation 'sep_conv_7x7'", e.Message);
        Assert.Contains("dil_conv_5x5", e.Message);
    }

    [Fact]
    public void None_is_not_a_kept_operation()
    {
        var e = Fails(Cifar.Replace("('skip_connect', 0)", "('none', 0)"));

        Assert.Contains("'none' cannot be kept", e.Message);
    }

    [Fact]
    public void An_input_that_is_not_a_predecessor_is_rejected_at_the_number()
    {
        // The second edge of node 2 may read from nodes 0 and 1 only.
        var text = Cifar.Replace("('skip_connect', 0)", "('skip_connect', 2)");

        var e = Fails(text);

        Assert.Equal(text.IndexOf("('skip_connect', 2)", StringComparison.Ordinal) + "('skip_connect', ".Length, e.Position);
        Assert.Contains("input 2 is not a predecessor of node 2; expected 0 to 1", e.Message);
    }

    [Fact]
    public void Trailing_garbage_is_reported()
    {
        var e = Fails(Cifar + "  extra");

        Assert.Equal($"position {Cifar.Length + 2} (line 1, column {Cifar.Length + 3}): expected end of text but found 'extra'", e.Message);
    }

    [Fact]
    public void Line_and_column_count_from_one_across_newlines()
    {
        var e = Fails("Genotype(\n  normal=[\n    ('sep_conv_3x3', 1) ('skip_connect', 0)");

        Assert.Equal(3, e.Line);
        Assert.Equal(25, e.Column);
        Assert.StartsWith("position 45 (line 3, column 25): expected ',' or ']' but found '('", e.Message);
    }

    [Fact]
    public void An_odd_edge_count_is_reported_at_the_closing_bracket()
    {
        var text = Cifar.Replace(", ('dil_conv_3x3', 1)], normal_concat", "], normal_concat");

        var e = Fails(text);

        Assert.Equal(text.IndexOf("], normal_concat", StringComparison.Ordinal), e.Position);
        Assert.Contains("normal has 7 edges", e.Message);
    }

    [Fact]
    public void A_concat_beyond_the_last_node_is_rejected()
    {
        var text = Cifar.Replace("reduce_concat=range(2, 6)", "reduce_concat=[2, 3, 6]");

        var e = Fails(text);

        Assert.Equal(text.IndexOf("6]", StringComparison.Ordinal), e.Position);
        Assert.Contains("reduce_concat holds 6; expected intermediate nodes 2 to 5", e.Message);
    }

    [Theory]
    [InlineData("", "expected 'Genotype' but found end of text")]
    [InlineData("Genotype(normal=[('sep_conv_3x3, 1)])", "expected closing ' of the string started at position 18")]
    [InlineData("Genotype(normal_concat=[2], normal_concat=[2])", "field 'normal_concat' appears twice")]
    [InlineData("Genotype(normal=[(sep_conv_3x3, 1)])", "expected a quoted operation name but found 'sep_conv_3x3'")]
    [InlineData("Genotype(normal=[('sep_conv_3x3', x)])", "expected an input node index but found 'x'")]
    [InlineData("Genotype(normal_concat=range(6, 2))", "range(6, 2) is empty")]
    [InlineData("Genotype(normal_concat={2})", "unexpected character '{'")]
    [InlineData("Phenotype(normal=[])", "expected 'Genotype' but found 'Phenotype'")]
    public void Other_malformed_inputs_say_what_is_wrong(string text, string expected)
    {
        Assert.Contains(expected, Fails(text).Message);
    }

    [Fact]
    public void A_missing_field_is_named()
    {
        var text = Cifar.Replace(", reduce_concat=range(2, 6)", "");

        Assert.Contains("missing field 'reduce_concat'", Fails(text).Message);
    }
}
