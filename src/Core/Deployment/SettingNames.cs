namespace PcDarts.Core.Deployment;

/// <summary>
/// The configuration keys a deployment sets (docker/compose.yaml, docker/k8s): written once here, read by the API host
/// and the runner node, and checked against the manifests by a test. As environment variables a ':' becomes '__'
/// (<see cref="EnvironmentVariable"/>), e.g. <c>PcDarts__DataRoot</c>.
/// </summary>
public static class SettingNames
{
    /// <summary>The platform's PostgreSQL; the API host without it starts the embedded default.</summary>
    public const string ConnectionStringName = "Postgres";
    public const string ConnectionString = "ConnectionStrings:" + ConnectionStringName;

    /// <summary>The section every platform option lives under.</summary>
    public const string Platform = "PcDarts";

    /// <summary>
    /// Where a runner finds the built-in data sets for platform jobs: one folder per data set name
    /// (<c>{DataRoot}/fashion-mnist</c>, <c>{DataRoot}/cifar10</c>). Unset: each data set's standard place.
    /// </summary>
    public const string DataRoot = Platform + ":DataRoot";

    /// <summary>The API host applies pending migrations at start (default true); deployments with a migrate job turn it off.</summary>
    public const string MigrateAtStart = Platform + ":MigrateAtStart";

    /// <summary>A runner node's queues (comma-separated), worker count and name; the `run` verb's flags win over them.</summary>
    public const string RunnerQueues = Platform + ":Runner:Queues";
    public const string RunnerWorkers = Platform + ":Runner:Workers";
    public const string RunnerName = Platform + ":Runner:Name";

    /// <summary>A file a runner node touches every few seconds while its host runs: an orchestrator's liveness probe.</summary>
    public const string RunnerLivenessFile = Platform + ":Runner:LivenessFile";

    /// <summary>
    /// The reverse proxies whose X-Forwarded-For/-Proto the API believes: addresses or CIDR networks, comma-separated.
    /// Unset, the headers are ignored.
    /// </summary>
    public const string TrustedProxies = Platform + ":TrustedProxies";

    /// <summary>Every key above: the manifests may set these.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ConnectionString, DataRoot, MigrateAtStart, RunnerQueues, RunnerWorkers, RunnerName, RunnerLivenessFile, TrustedProxies];

    public static string EnvironmentVariable(string key) => key.Replace(":", "__");
}

/// <summary>The API host's anonymous health endpoints, as the manifests' probes call them.</summary>
public static class HealthPaths
{
    /// <summary>The process answers HTTP.</summary>
    public const string Live = "/healthz";
    /// <summary>The database answers and has every migration this build knows: route traffic here.</summary>
    public const string Ready = "/readyz";
}
