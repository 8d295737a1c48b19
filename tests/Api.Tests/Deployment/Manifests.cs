using System.Reflection;
using PcDarts.Api.Auth;
using PcDarts.Api.Embedded;
using PcDarts.Api.Infrastructure;
using PcDarts.Api.Recovery;
using PcDarts.Core.Deployment;
using YamlDotNet.RepresentationModel;

namespace PcDarts.Api.Tests.Deployment;

/// <summary>The deployment files (docker/compose.yaml, docker/k8s/*.yaml) as YAML trees, and what the code reads.</summary>
internal static class Manifests
{
    public static string Root { get; } = FindRoot();
    public static string Docker => Path.Combine(Root, "docker");
    public static string Kubernetes => Path.Combine(Docker, "k8s");

    /// <summary>Every document of a YAML file (aliases resolved).</summary>
    public static IReadOnlyList<YamlMappingNode> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path)) stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    /// <summary>The image names the Dockerfiles build, by how compose builds them (dockerfile, TORCH_BACKEND).</summary>
    public static string ImageBuiltBy(string dockerfile, string? torchBackend) => (Path.GetFileName(dockerfile), torchBackend) switch
    {
        ("api.Dockerfile", _) => "pcdarts-api",
        ("runner.Dockerfile", "cuda") => "pcdarts-runner-gpu",
        ("runner.Dockerfile", _) => "pcdarts-runner",
        var other => throw new InvalidOperationException($"no image for {other}"),
    };

    /// <summary>Third-party images the manifests may use as they are.</summary>
    public static readonly string[] PublicImages = ["postgres:16", "debian:12-slim"];

    /// <summary>
    /// Whether the code reads this environment variable: a key of <see cref="SettingNames"/>, a property of an options
    /// class bound to its section, or a variable of the runtime or of the PostgreSQL image.
    /// </summary>
    public static bool IsKnownVariable(string name)
    {
        if (name is "POSTGRES_USER" or "POSTGRES_PASSWORD" or "POSTGRES_DB" or "ASPNETCORE_FORWARDEDHEADERS_ENABLED" or "ASPNETCORE_URLS"
            || name.StartsWith("OTEL_", StringComparison.Ordinal))
            return true;
        var key = name.Replace("__", ":");
        if (SettingNames.All.Contains(key)) return true;
        var cut = key.LastIndexOf(':');
        return cut > 0 && BoundSections.TryGetValue(key[..cut], out var types)
            && types.Any(t => t.GetProperty(key[(cut + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is not null);
    }

    private static readonly Dictionary<string, Type[]> BoundSections = new()
    {
        [SettingNames.Platform] = [typeof(PlatformOptions)],
        [AuthOptions.Section] = [typeof(AuthOptions)],
        [AbuseLimitsOptions.Section] = [typeof(AbuseLimitsOptions), typeof(RequestLimitsOptions)],
        ["PcDarts:Reaper"] = [typeof(ReaperOptions)],
    };

    public static YamlMappingNode Map(this YamlNode node, string key) => (YamlMappingNode)node[key];
    public static YamlSequenceNode Seq(this YamlNode node, string key) => (YamlSequenceNode)node[key];
    public static string Str(this YamlNode node, string key) => ((YamlScalarNode)node[key]).Value!;
    public static string? StrOrNull(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? ((YamlScalarNode)value).Value : null;
    public static YamlMappingNode? MapOrNull(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(key, out var value) ? (YamlMappingNode)value : null;
    public static IEnumerable<string> Strings(this YamlNode node) => ((YamlSequenceNode)node).Select(n => ((YamlScalarNode)n).Value!);
    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlNode node) =>
        ((YamlMappingNode)node).Children.Select(c => (((YamlScalarNode)c.Key).Value!, c.Value));

    /// <summary>An image reference without its tag (compose writes pcdarts-api:${PCDARTS_TAG:-latest}).</summary>
    public static string WithoutVariableTag(string image) => image.Split(":${")[0];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PcDarts.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (PcDarts.sln) not found above " + AppContext.BaseDirectory);
    }
}
