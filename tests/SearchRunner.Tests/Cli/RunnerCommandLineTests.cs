namespace PcDarts.SearchRunner.Tests.Cli;

/// <summary>The `pcdarts-runner` executable's help and refusals, as a user meets them.</summary>
public sealed class RunnerCommandLineTests
{
    [Fact]
    public void Help_lists_every_verb_and_a_verbs_help_its_options()
    {
        var help = PcDartsProcess.Run("--help");

        Assert.Equal(0, help.ExitCode);
        foreach (var verb in new[] { "run", "search", "train", "derive", "inspect", "sample", "bench" })
            Assert.Matches($@"(?m)^\s+{verb}\b", help.Stdout);
        var search = PcDartsProcess.Run("search", "--help");
        Assert.Equal(0, search.ExitCode);
        Assert.Contains("--k <1|2|4|8>", search.Stdout);
        Assert.Contains("--resume", search.Stdout);
    }

    [Theory]
    [InlineData(new[] { "bench", "--stepz", "3" }, "--stepz")]
    [InlineData(new[] { "run", "--workers", "two" }, "--workers")]
    [InlineData(new[] { "sample", "--seed", "1", "--seed", "2" }, "--seed")]
    [InlineData(new[] { "derive", "--arch", "a.json", "--edge-norm", "sometimes" }, "--edge-norm")]
    public void A_wrong_option_exits_2_with_one_line_naming_it(string[] args, string named)
    {
        var result = PcDartsProcess.Run(args);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("pcdarts-runner: ", line);
        Assert.Contains(named, line);
        Assert.Empty(result.Stdout);
    }
}
