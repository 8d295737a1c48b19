namespace PcDarts.Cli.Tests;

/// <summary>The `pcdarts` executable as a user meets it: its help, its refusals, its version.</summary>
public sealed class ClientCommandLineTests
{
    /// <summary>Nothing listens here: a command that got as far as sending would exit 4, not 2.</summary>
    private const string NoServer = "http://127.0.0.1:9";

    [Fact]
    public void Help_lists_every_verb_and_exits_0()
    {
        var help = ClientProcess.Run("--help");

        Assert.Equal(0, help.ExitCode);
        foreach (var verb in new[] { "submit", "wait", "get", "list", "download", "cancel", "delete", "logs", "export", "import" })
            Assert.Matches($@"(?m)^\s+{verb}\b", help.Stdout);
        Assert.Contains("--k <1|2|4|8>", ClientProcess.Run("submit", "search", "--help").Stdout);
    }

    [Theory]
    [InlineData(new[] { "submit", "search", "--bogus", "1" }, "--bogus")]
    [InlineData(new[] { "submit", "search", "--epochs", "many" }, "--epochs")]
    [InlineData(new[] { "list", "--status", "finished" }, "--status")]
    [InlineData(new[] { "list", "--sort", "accuracy" }, "--sort")]
    [InlineData(new[] { "list", "--limit", "0" }, "--limit")]
    [InlineData(new[] { "list", "--kind", "study" }, "--kind")]
    [InlineData(new[] { "wait", "42" }, "42")]
    [InlineData(new[] { "download", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "--what", "genotype" }, "--out")]
    [InlineData(new[] { "logs", "latest" }, "latest")]
    [InlineData(new[] { "delete" }, "'delete'")]
    [InlineData(new[] { "delete", "study", "42" }, "expected a study id (a GUID), got '42'")]
    [InlineData(new[] { "export", "3f2504e0-4f89-11d3-9a0c-0305e82c3301" }, "--out")]
    [InlineData(new[] { "import", "no-such-archive.tar.gz" }, "no-such-archive.tar.gz")]
    [InlineData(new[] { "wait", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "--cancel-on-timeout" }, "--timeout")]
    public void A_wrong_option_exits_2_with_one_line_naming_it(string[] args, string named)
    {
        var result = ClientProcess.Run([.. args, "--server", NoServer]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StderrLines);
        Assert.StartsWith("pcdarts: ", line);
        Assert.Contains(named, line);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void An_invalid_spec_is_refused_before_anything_is_sent_with_the_option_named()
    {
        var result = ClientProcess.Run("submit", "search", "--server", NoServer, "--k", "4", "--channels", "6");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("pcdarts: --k: K = 4 does not divide", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void A_data_set_name_the_client_does_not_know_is_sent_for_the_platform_to_check_against_its_registered_sets()
    {
        // Exit 4 (cannot reach the server), not 2: the name got past the client's own checks.
        var result = ClientProcess.Run("submit", "search", "--server", NoServer, "--dataset", "flowers");

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("pcdarts: cannot reach the server", Assert.Single(result.StderrLines));
    }

    [Fact]
    public void An_unreachable_server_exits_4_and_version_prints_one()
    {
        var get = ClientProcess.Run("get", "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "--server", NoServer);
        Assert.Equal(4, get.ExitCode);
        Assert.StartsWith("pcdarts: cannot reach the server", Assert.Single(get.StderrLines));

        var version = ClientProcess.Run("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Stdout);
    }
}
