using System.Diagnostics;
using PcDarts.Core.Genotypes;

namespace PcDarts.Core.Tests.Genotypes;

/// <summary>Hostile genotype text is refused at the bound it breaks, before anything grows with it.</summary>
public class DartsTextLimitTests
{
    private static readonly string Cifar = PublishedGenotypes.PcDartsCifarText;

    private static GenotypeFormatException Fails(string text)
    {
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<GenotypeFormatException>(() => Genotype.Parse(text));
        // Generous: a refusal reads the text once; expanding the range below took 12 s and gigabytes.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"refusing took {clock.Elapsed}");
        return e;
    }

    [Fact]
    public void A_huge_range_is_refused_at_its_end_without_being_expanded()
    {
        var text = Cifar.Replace("normal_concat=range(2, 6)", "normal_concat=range(2, 200000000)");
        Assert.NotEqual(Cifar, text);

        var e = Fails(text);

        Assert.Equal(text.IndexOf("200000000", StringComparison.Ordinal), e.Position);
        Assert.Contains("range ends at 200000000", e.Message);
    }

    [Fact]
    public void A_range_starting_below_the_first_intermediate_node_is_refused_at_its_start()
    {
        var text = Cifar.Replace("reduce_concat=range(2, 6)", "reduce_concat=range(-2000000000, 6)");

        var e = Fails(text);

        Assert.Equal(text.IndexOf("-2000000000", StringComparison.Ordinal), e.Position);
        Assert.Contains("range starts at -2000000000", e.Message);
    }

    [Fact]
    public void A_long_concat_list_is_refused_at_the_first_item_too_many()
    {
        var list = "[" + string.Join(", ", Enumerable.Repeat(2, 1000)) + "]";
        var text = Cifar.Replace("normal_concat=range(2, 6)", "normal_concat=" + list);

        var e = Fails(text);

        Assert.Contains("at most 5 nodes", e.Message);
        Assert.True(e.Position < text.IndexOf(list, StringComparison.Ordinal) + 20);
    }

    [Fact]
    public void A_long_edge_list_is_refused_at_the_first_edge_too_many()
    {
        var edges = string.Join(", ", Enumerable.Repeat("('skip_connect', 0)", 400));
        var text = $"Genotype(normal=[{edges}], normal_concat=[2], reduce=[], reduce_concat=[2])";

        var e = Fails(text);

        Assert.Contains("more than 10 edges", e.Message);
        Assert.Equal(text.IndexOf("('skip", StringComparison.Ordinal) + 10 * "('skip_connect', 0), ".Length, e.Position);
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused_before_it_is_read()
    {
        var text = Cifar + new string(' ', Genotype.MaxTextLength);

        var e = Fails(text);

        Assert.Contains($"at most {Genotype.MaxTextLength}", e.Message);
        Assert.False(Genotype.TryParseAny("{" + new string(' ', Genotype.MaxTextLength) + "}", out _, out var error));
        Assert.Contains("characters long", error);
    }

    [Fact]
    public void A_number_past_int_range_is_refused_at_its_digits()
    {
        var text = Cifar.Replace("normal_concat=range(2, 6)", "normal_concat=range(2, " + new string('9', 5000) + ")");

        var e = Fails(text);

        Assert.Contains("too large", e.Message);
    }
}
