using System.Text.Json;
using PcDarts.Core.Genotypes;

namespace PcDarts.SearchRunner.Tests.Cli;

public class SearchCommandTests
{
    private static readonly string[] Tiny =
        ["--dataset", "synthetic", "--subset", "64", "--batch-size", "16", "--channels", "4", "--layers", "3",
         "--nodes", "3", "--k", "2", "--epochs", "2", "--warmup-epochs", "1", "--threads", "1"];

    [Fact]
    public void A_search_writes_metrics_and_a_genotype_that_parses_and_refuses_to_overwrite_it()
    {
        using var folder = new TempDirectory();
        var output = Path.Combine(folder.Path, "run");

        var result = PcDartsProcess.Run(["search", .. Tiny, "--out", output, "--json"]);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var events = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1, 2], events.Where(e => e.GetProperty("event").GetString() == "epoch").Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.Equal("finished", events[^1].GetProperty("event").GetString());
        var text = File.ReadAllText(Path.Combine(output, "genotype.txt"));
        var genotype = Genotype.Parse(text);
        Assert.Equal(genotype, Genotype.FromJson(File.ReadAllText(Path.Combine(output, "genotype.json"))));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(output, "metrics.jsonl")).Length);
        Assert.True(File.Exists(Path.Combine(output, "checkpoint", "latest.ckpt")));

        var again = PcDartsProcess.Run(["search", .. Tiny, "--out", output]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--out", again.Stderr);
        Assert.Contains("finished run", again.Stderr);
    }

    [Fact]
    public void Resuming_with_other_settings_is_refused_with_the_flag_named_and_the_run_left_as_it_was()
    {
        using var folder = new TempDirectory();
        var output = Path.Combine(folder.Path, "run");
        var oneEpoch = Tiny.ToArray();
        oneEpoch[Array.IndexOf(oneEpoch, "--epochs") + 1] = "1";
        Assert.Equal(0, PcDartsProcess.Run(["search", .. oneEpoch, "--out", output]).ExitCode);
        File.Delete(Path.Combine(output, "genotype.json"));
        var before = File.ReadAllText(Path.Combine(output, "metrics.jsonl"));

        var result = PcDartsProcess.Run("search", "--out", output, "--resume", "--k", "1");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--resume", result.Stderr);
        Assert.Contains("different settings", result.Stderr);
        Assert.Equal(before, File.ReadAllText(Path.Combine(output, "metrics.jsonl")));
    }

    [Theory]
    [InlineData(new[] { "--k", "4", "--channels", "6" }, "--k", "6")]
    [InlineData(new[] { "--k", "3" }, "--k", "3")]
    [InlineData(new[] { "--dataset", "imagenet-21k" }, "--dataset", "imagenet-21k")]
    [InlineData(new[] { "--epochs", "many" }, "--epochs", "many")]
    [InlineData(new[] { "--bogus", "1" }, "--bogus", "unknown option")]
    [InlineData(new[] { "--nodes", "9" }, "--nodes", "9")]
    [InlineData(new[] { "--edge-norm", "maybe" }, "--edge-norm", "maybe")]
    public void Bad_options_get_one_line_naming_the_flag_exit_code_2_and_no_output_folder(string[] bad, string flag, string value)
    {
        using var folder = new TempDirectory();
        var output = Path.Combine(folder.Path, "run");
        string[] dataset = bad.Contains("--dataset") ? [] : ["--dataset", "synthetic"];
        string[] args = ["search", .. dataset, "--out", output, .. bad];

        var result = PcDartsProcess.Run(args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(flag, line);
        Assert.Contains(value, line);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_missing_data_set_is_named_with_its_folder_and_leaves_nothing_behind()
    {
        using var folder = new TempDirectory();
        var output = Path.Combine(folder.Path, "run");
        var missing = Path.Combine(folder.Path, "no-cifar-here");

        var result = PcDartsProcess.Run("search", "--dataset", "cifar10", "--data-dir", missing, "--epochs", "1", "--warmup-epochs", "0", "--out", output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Stderr);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Derive_prints_the_genotype_of_raw_architecture_weights_named_ours_or_the_authors_way()
    {
        using var folder = new TempDirectory();
        var alphas = Enumerable.Range(0, 14).Select(edge =>
        {
            var row = new float[8];
            row[0] = 5f;                      // `none` strongest everywhere: must be ignored
            row[4 + edge % 4] = 1f + edge / 10f; // a clear winner among the rest
            return row;
        }).ToArray();
        var weights = new ArchitectureWeights(alphas, alphas, new float[14], new float[14]);
        var path = Path.Combine(folder.Path, "arch.json");
        File.WriteAllText(path, weights.ToJson());

        var result = PcDartsProcess.Run("derive", "--arch", path);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var genotype = Genotype.Parse(result.Stdout);
        Assert.Equal(GenotypeDerivation.Derive(weights, edgeNormalization: true), genotype);
        Assert.DoesNotContain(genotype.Normal, e => e.Op == "none");

        // The same α/β under the names the authors' code gives them.
        var authorsPath = Path.Combine(folder.Path, "authors.json");
        File.WriteAllText(authorsPath, weights.ToJson().Replace("alphasNormal", "alphas_normal").Replace("alphasReduce", "alphas_reduce")
            .Replace("betasNormal", "betas_normal").Replace("betasReduce", "betas_reduce"));
        var authors = PcDartsProcess.Run("derive", "--arch", authorsPath);
        Assert.True(authors.ExitCode == 0, authors.Stderr);
        Assert.Equal(genotype, Genotype.Parse(authors.Stdout));

        var missing = PcDartsProcess.Run("derive", "--arch", Path.Combine(folder.Path, "nope.json"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("--arch", missing.Stderr);
    }
}
