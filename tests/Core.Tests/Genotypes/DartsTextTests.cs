using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Tests.Genotypes;

public class DartsTextTests
{
    public static TheoryData<string> PublishedNames => new(PublishedGenotypes.Names);

    [Theory]
    [MemberData(nameof(PublishedNames))]
    public void Published_genotypes_survive_print_and_parse(string name)
    {
        var genotype = PublishedGenotypes.Get(name);

        var reparsed = Genotype.Parse(genotype.ToDartsText());

        Assert.Equal(genotype, reparsed);
        Assert.Equal(genotype.GetHashCode(), reparsed.GetHashCode());
        Assert.Equal(4, reparsed.Nodes);
    }

    [Fact]
    public void PC_DARTS_cifar_prints_exactly_the_authors_text()
    {
        const string fromDoc = "Genotype(normal=[('sep_conv_3x3', 1), ('skip_connect', 0), ('sep_conv_3x3', 0), ('dil_conv_3x3', 1), ('sep_conv_5x5', 0), ('sep_conv_3x3', 1), ('avg_pool_3x3', 0), ('dil_conv_3x3', 1)], normal_concat=range(2, 6), reduce=[('sep_conv_5x5', 1), ('max_pool_3x3', 0), ('sep_conv_5x5', 1), ('sep_conv_5x5', 2), ('sep_conv_3x3', 0), ('sep_conv_3x3', 3), ('sep_conv_3x3', 1), ('sep_conv_3x3', 2)], reduce_concat=range(2, 6))";

        Assert.Equal(fromDoc, PublishedGenotypes.PC_DARTS_cifar.ToDartsText());
    }

    [Fact]
    public void List_and_range_concat_forms_mean_the_same_genotype()
    {
        var asList = Genotype.Parse(PublishedGenotypes.DartsV2Text);
        var asRange = Genotype.Parse(PublishedGenotypes.DartsV2Text.Replace("[2, 3, 4, 5]", "range(2, 6)"));

        Assert.Equal(asList, asRange);
        Assert.Equal([2, 3, 4, 5], asList.NormalConcat);
        Assert.Contains("normal_concat=range(2, 6)", asList.ToDartsText());
    }

    [Fact]
    public void A_non_contiguous_concat_prints_as_a_list_and_reads_back()
    {
        var text = PublishedGenotypes.PcDartsCifarText.Replace("normal_concat=range(2, 6)", "normal_concat=[2, 4, 5]");

        var genotype = Genotype.Parse(text);

        Assert.Equal([2, 4, 5], genotype.NormalConcat);
        Assert.Equal(text, genotype.ToDartsText());
    }

    [Fact]
    public void Reads_the_authors_multi_line_layout_with_double_quotes_a_name_and_comments()
    {
        const string text = """
            PCDARTS = Genotype(
              normal = [
                ("sep_conv_3x3", 1),  # node 2
                ("skip_connect", 0),
                ('sep_conv_3x3', 0), ("dil_conv_3x3", 1),
                ('sep_conv_5x5',0),('sep_conv_3x3',1),
                ('avg_pool_3x3', 0), ('dil_conv_3x3', 1),
              ],
              normal_concat = range( 2 , 6 ),
              reduce_concat=[2,3,4,5,],
              reduce = [('sep_conv_5x5', 1), ('max_pool_3x3', 0), ('sep_conv_5x5', 1), ('sep_conv_5x5', 2),
                        ('sep_conv_3x3', 0), ('sep_conv_3x3', 3), ('sep_conv_3x3', 1), ('sep_conv_3x3', 2)],
            )
            """;

        Assert.Equal(PublishedGenotypes.PC_DARTS_cifar, Genotype.Parse(text));
    }

    [Fact]
    public void Reads_three_and_five_node_cells()
    {
        const string three = "Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1), ('dil_conv_5x5', 2), ('max_pool_3x3', 0), ('avg_pool_3x3', 3), ('sep_conv_5x5', 1)], normal_concat=range(2, 5), reduce=[('sep_conv_3x3', 0), ('skip_connect', 1), ('dil_conv_5x5', 2), ('max_pool_3x3', 0), ('avg_pool_3x3', 3), ('sep_conv_5x5', 1)], reduce_concat=range(2, 5))";
        const string five = "Genotype(normal=[('sep_conv_3x3', 0), ('skip_connect', 1), ('dil_conv_5x5', 2), ('max_pool_3x3', 0), ('avg_pool_3x3', 3), ('sep_conv_5x5', 1), ('dil_conv_3x3', 4), ('sep_conv_3x3', 2), ('skip_connect', 5), ('sep_conv_3x3', 0)], normal_concat=range(2, 7), reduce=[('sep_conv_3x3', 0), ('skip_connect', 1), ('dil_conv_5x5', 2), ('max_pool_3x3', 0), ('avg_pool_3x3', 3), ('sep_conv_5x5', 1), ('dil_conv_3x3', 4), ('sep_conv_3x3', 2), ('skip_connect', 5), ('sep_conv_3x3', 0)], reduce_concat=range(2, 7))";

        Assert.Equal(3, Genotype.Parse(three).Nodes);
        Assert.Equal(three, Genotype.Parse(three).ToDartsText());
        Assert.Equal(5, Genotype.Parse(five).Nodes);
        Assert.Equal(five, Genotype.Parse(five).ToDartsText());
    }

    [Fact]
    public void TryParse_reports_success_and_failure_without_throwing()
    {
        Assert.True(Genotype.TryParse(PublishedGenotypes.PcDartsImageText, out var ok, out var noError));
        Assert.Equal(PublishedGenotypes.PC_DARTS_image, ok);
        Assert.Null(noError);

        Assert.False(Genotype.TryParse("Genotype(", out var none, out var error));
        Assert.Null(none);
        Assert.StartsWith("position 9 (line 1, column 10): expected one of normal", error);
    }
}
