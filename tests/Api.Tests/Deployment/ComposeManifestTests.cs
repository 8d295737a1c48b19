using PcDarts.Api.Infrastructure;
using PcDarts.Core.Deployment;
using PcDarts.Core.Jobs;
using PcDarts.Core.Specs;
using YamlDotNet.RepresentationModel;

namespace PcDarts.Api.Tests.Deployment;

/// <summary>docker/compose.yaml against the code: images, ports, settings, volumes, health checks, the migrate job.</summary>
public sealed class ComposeManifestTests
{
    private static readonly YamlMappingNode Compose = Manifests.Load(Path.Combine(Manifests.Docker, "compose.yaml")).Single();
    private static IEnumerable<(string Name, YamlMappingNode Service)> Services =>
        Compose.Map("services").Entries().Select(e => (e.Key, (YamlMappingNode)e.Value));
    private static YamlMappingNode Service(string name) => Compose.Map("services").Map(name);
    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        service.MapOrNull("environment")?.Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value ?? "") ?? [];

    [Fact]
    public void Every_image_is_built_here_by_its_dockerfile_or_is_a_named_public_image()
    {
        foreach (var (name, service) in Services)
        {
            var image = Manifests.WithoutVariableTag(service.Str("image"));
            if (service.MapOrNull("build") is { } build)
            {
                var dockerfile = Path.Combine(Manifests.Docker, "..", build.Str("dockerfile"));
                Assert.True(File.Exists(dockerfile), $"{name}: {dockerfile} missing");
                Assert.Equal("..", build.Str("context"));
                Assert.Equal(Manifests.ImageBuiltBy(dockerfile, build.MapOrNull("args")?.StrOrNull("TORCH_BACKEND")), image);
            }
            else Assert.Contains(image, Manifests.PublicImages);
        }
        // Without these a build sends every build output and the embedded default's PostgreSQL cluster as context.
        var ignored = File.ReadAllLines(Path.Combine(Manifests.Root, ".dockerignore"));
        foreach (var pattern in new[] { "**/bin/", "**/obj/", ".pcdarts/", ".git/", "**/.env" })
            Assert.Contains(pattern, ignored);
    }

    [Fact]
    public void Every_setting_is_one_the_code_reads_and_no_secret_is_written_in_the_file()
    {
        foreach (var (name, service) in Services)
            foreach (var (variable, value) in Environment(service))
            {
                Assert.True(Manifests.IsKnownVariable(variable), $"{name}: {variable} is read by no code");
                if (variable.Contains("Password", StringComparison.OrdinalIgnoreCase) || variable.Contains("Token", StringComparison.OrdinalIgnoreCase))
                    Assert.True(value.Length == 0 || value.StartsWith("${", StringComparison.Ordinal), $"{name}: {variable} is written in compose.yaml");
            }
        foreach (var line in File.ReadLines(Path.Combine(Manifests.Docker, ".env.example")).Where(l => l.Contains('=') && !l.StartsWith('#')))
            Assert.Contains("${" + line[..line.IndexOf('=')], File.ReadAllText(Path.Combine(Manifests.Docker, "compose.yaml")));
    }

    [Fact]
    public void The_api_publishes_the_port_its_image_listens_on_and_its_health_check_asks_readyz()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Manifests.Docker, "api.Dockerfile"));
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", dockerfile);
        Assert.Contains("EXPOSE 8080", dockerfile);
        var api = Service("api");
        Assert.EndsWith(":8080", api.Seq("ports").Strings().Single());
        Assert.Contains($"GET {HealthPaths.Ready} ", string.Join(" ", api.Map("healthcheck").Seq("test").Strings()));
    }

    [Fact]
    public void Migrations_run_once_in_the_migrate_job_that_the_api_and_every_runner_wait_for()
    {
        var migrate = Service("migrate");
        Assert.Equal([MigrateCommand.Verb], migrate.Seq("command").Strings());
        Assert.Equal("no", migrate.Str("restart"));
        Assert.Equal("false", Environment(Service("api"))[SettingNames.EnvironmentVariable(SettingNames.MigrateAtStart)]);
        foreach (var name in new[] { "api", "runner", "runner-gpu" })
            Assert.Equal("service_completed_successfully", Service(name).Map("depends_on").Map("migrate").Str("condition"));
    }

    [Fact]
    public void Runners_read_the_data_volume_the_datasets_job_fills_where_their_data_root_says()
    {
        var volumes = Compose.Map("volumes").Entries().Select(e => e.Key).ToHashSet();
        foreach (var (name, service) in Services)
            foreach (var mount in service.Children.TryGetValue("volumes", out var mounts) ? mounts.Strings() : [])
                Assert.Contains(mount.Split(':')[0], volumes);

        var filler = Service("datasets");
        var (volume, fillPath) = Split(filler.Seq("volumes").Strings().Single());
        Assert.Contains($"{fillPath}/{DatasetNames.FashionMnist}/", string.Join(" ", filler.Seq("command").Strings()));
        foreach (var name in new[] { "runner", "runner-gpu" })
        {
            var runner = Service(name);
            var env = Environment(runner);
            var mount = runner.Seq("volumes").Strings().Single();
            Assert.Equal($"{volume}:{env[SettingNames.EnvironmentVariable(SettingNames.DataRoot)]}:ro", mount);
            Assert.Equal(fillPath, env[SettingNames.EnvironmentVariable(SettingNames.DataRoot)]);
            Assert.Contains(env[SettingNames.EnvironmentVariable(SettingNames.RunnerLivenessFile)], string.Join(" ", runner.Map("healthcheck").Seq("test").Strings()));
            Assert.Contains(env[SettingNames.EnvironmentVariable(SettingNames.RunnerQueues)], JobQueues.All);
            Assert.Equal("service_completed_successfully", runner.Map("depends_on").Map("datasets").Str("condition"));
        }
    }

    [Fact]
    public void The_gpu_runner_is_a_cuda_build_under_the_gpu_profile_reserving_nvidia_devices()
    {
        var gpu = Service("runner-gpu");
        Assert.Equal(["gpu"], gpu.Seq("profiles").Strings());
        Assert.Equal(JobQueues.Gpu, Environment(gpu)[SettingNames.EnvironmentVariable(SettingNames.RunnerQueues)]);
        var device = (YamlMappingNode)gpu.Map("deploy").Map("resources").Map("reservations").Seq("devices").Single();
        Assert.Equal("nvidia", device.Str("driver"));
        Assert.Contains("gpu", device.Seq("capabilities").Strings());
        Assert.Equal(JobQueues.Cpu, Environment(Service("runner"))[SettingNames.EnvironmentVariable(SettingNames.RunnerQueues)]);
    }

    [Fact]
    public void Long_running_services_restart_check_their_health_and_have_a_memory_limit()
    {
        foreach (var name in new[] { "postgres", "api", "runner", "runner-gpu" })
        {
            var service = Service(name);
            Assert.Equal("unless-stopped", service.Str("restart"));
            Assert.NotNull(service.MapOrNull("healthcheck"));
            Assert.Matches("^[0-9]+g$", service.Map("deploy").Map("resources").Map("limits").Str("memory"));
        }
    }

    private static (string Volume, string Path) Split(string mount)
    {
        var parts = mount.Split(':');
        return (parts[0], parts[1]);
    }
}
