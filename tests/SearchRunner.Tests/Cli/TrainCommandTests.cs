using System.Text.Json;
using PcDarts.Core.Genotypes;

namespace PcDarts.SearchRunner.Tests.Cli;

public class TrainCommandTests
{
    [Fact]
    public void Train_writes_weights_and_a_summary_with_accuracy_and_size()
    {
        using var folder = new TempDirectory();
        var output = Path.Combine(folder.Path, "train");
        var genotypeFile = Path.Combine(folder.Path, "cell.txt");
        File.WriteAllText(genotypeFile, PublishedGenotypes.DARTS_V2.ToDartsText());

        var result = PcDartsProcess.Run("train", "--genotype", genotypeFile, "--dataset", "synthetic", "--subset", "64",
            "--batch-size", "32", "--channels", "4", "--layers", "3", "--epochs", "1", "--threads", "1", "--out", output);

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        Assert.Equal(PublishedGenotypes.DARTS_V2, Genotype.Parse(summary.RootElement.GetProperty("genotype").GetString()!));
        Assert.InRange(summary.RootElement.GetProperty("finalTop1").GetDouble(), 0, 100);
        Assert.True(summary.RootElement.GetProperty("parameters").GetInt64() > 0);
        Assert.True(summary.RootElement.GetProperty("multiplyAdds").GetInt64() > 0);
        Assert.True(new FileInfo(Path.Combine(output, "weights")).Length > 1000);
    }

    [Fact]
    public void An_unknown_genotype_name_is_named_with_the_flag()
    {
        using var folder = new TempDirectory();
        var result = PcDartsProcess.Run("train", "--genotype", "NASNet", "--dataset", "synthetic", "--out", Path.Combine(folder.Path, "x"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--genotype", result.Stderr);
        Assert.Contains("NASNet", result.Stderr);
    }

    [Fact]
    public void Sample_prints_a_valid_random_genotype_that_depends_on_the_seed()
    {
        var first = PcDartsProcess.Run("sample", "--seed", "1");
        var again = PcDartsProcess.Run("sample", "--seed", "1");
        var other = PcDartsProcess.Run("sample", "--seed", "2", "--nodes", "5");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Stdout, again.Stdout);
        Assert.Equal(RandomGenotype.Sample(1), Genotype.Parse(first.Stdout));
        Assert.Equal(5, Genotype.Parse(other.Stdout).Nodes);
    }

    [Fact]
    public void Inspect_reports_the_paper_scale_cifar_network_at_3_634_678_parameters()
    {
        var result = PcDartsProcess.Run("inspect", "--genotype", "PC_DARTS_cifar", "--json");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(3_634_678, json.RootElement.GetProperty("parameters").GetInt64());
        Assert.Equal(4_111_104, json.RootElement.GetProperty("parametersWithAuxiliary").GetInt64());
    }

    [Fact]
    public void Inspect_counts_the_search_network_and_its_architecture_weights()
    {
        var result = PcDartsProcess.Run("inspect", "--search", "--json", "--nodes", "3");

        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(2 * 9 * 8, json.RootElement.GetProperty("alphas").GetInt32());
        Assert.Equal(2 * 9, json.RootElement.GetProperty("betas").GetInt32());
        Assert.True(json.RootElement.GetProperty("weightParameters").GetInt64() > 0);
    }
}
