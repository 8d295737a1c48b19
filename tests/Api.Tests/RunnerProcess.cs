namespace PcDarts.Api.Tests;

/// <summary>`pcdarts-runner run` from the SearchRunner build output, in a child process of its own.</summary>
internal static class RunnerProcess
{
    public static ChildProcess Start(string connectionString, string name, int invisibilitySeconds = 5, string queue = "cpu",
        IReadOnlyDictionary<string, string>? environment = null, params string[] more) =>
        ChildProcess.Start("SearchRunner", "pcdarts-runner",
            ["run", "--name", name, "--queues", queue, "--workers", "1", "--invisibility-timeout", invisibilitySeconds.ToString(), .. more],
            new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["ConnectionStrings__Postgres"] = connectionString });
}
