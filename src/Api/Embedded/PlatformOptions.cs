namespace PcDarts.Api.Embedded;

/// <summary>Section "PcDarts" of the configuration.</summary>
public sealed class PlatformOptions
{
    /// <summary>Where the embedded default keeps its PostgreSQL cluster when no connection string is set.</summary>
    public string DataFolder { get; set; } = ".pcdarts";
    /// <summary>Run one in-process runner (on <see cref="EmbeddedRunnerQueues"/>); production turns it off and runs runner nodes (`pcdarts-runner run`).</summary>
    public bool? EmbeddedRunner { get; set; }
    public string[] EmbeddedRunnerQueues { get; set; } = ["cpu"];
    public int EmbeddedRunnerWorkers { get; set; } = 1;
    /// <summary>Queue the quick search when the embedded default starts on an empty database (default: on in the embedded default only).</summary>
    public bool? WelcomeSearch { get; set; }
    /// <summary>Apply pending migrations at start (default). A deployment with a migrate job (compose, Kubernetes) turns it off.</summary>
    public bool MigrateAtStart { get; set; } = true;
    /// <summary>The embedded runner's data root (<see cref="Core.Deployment.SettingNames.DataRoot"/>).</summary>
    public string? DataRoot { get; set; }
}
