using PcDarts.Api.Infrastructure;
using PcDarts.Core.Deployment;
using PcDarts.Core.Jobs;
using YamlDotNet.RepresentationModel;

namespace PcDarts.Api.Tests.Deployment;

/// <summary>docker/k8s against the code and against itself: images, ports, probes, settings, volumes, selectors.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly YamlMappingNode Kustomization = Manifests.Load(Path.Combine(Manifests.Kubernetes, "kustomization.yaml")).Single();
    private static readonly List<YamlMappingNode> Objects = Kustomization.Seq("resources").Strings()
        .SelectMany(f => Manifests.Load(Path.Combine(Manifests.Kubernetes, f))).ToList();

    private static YamlMappingNode Object(string kind, string name) =>
        Objects.Single(o => o.Str("kind") == kind && o.Map("metadata").Str("name") == name);
    private static IEnumerable<YamlMappingNode> PodSpecs => Objects
        .Where(o => o.Str("kind") is "Deployment" or "Job")
        .Select(o => o.Map("spec").Map("template").Map("spec"));
    private static IEnumerable<YamlMappingNode> Containers => PodSpecs.SelectMany(p => p.Seq("containers").Cast<YamlMappingNode>());
    private static YamlMappingNode Container(string deployment) =>
        (YamlMappingNode)Object("Deployment", deployment).Map("spec").Map("template").Map("spec").Seq("containers").Single();
    private static Dictionary<string, string> Config => Object("ConfigMap", "pcdarts-config").Map("data").Entries()
        .ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value!);

    [Fact]
    public void Kustomize_lists_every_manifest_and_each_image_is_one_the_dockerfiles_build()
    {
        var listed = Kustomization.Seq("resources").Strings().ToHashSet();
        foreach (var file in Directory.GetFiles(Manifests.Kubernetes, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml"))
            Assert.Contains(file!, listed);
        var built = new[] { Manifests.ImageBuiltBy("api.Dockerfile", null), Manifests.ImageBuiltBy("runner.Dockerfile", "cpu"), Manifests.ImageBuiltBy("runner.Dockerfile", "cuda") };
        Assert.Equal(built.Order(), Kustomization.Seq("images").Cast<YamlMappingNode>().Select(i => i.Str("name")).Order());
        foreach (var container in Containers)
            Assert.Contains(container.Str("image"), built.Concat(Manifests.PublicImages));
    }

    [Fact]
    public void Every_setting_is_one_the_code_reads_and_every_reference_names_a_defined_object()
    {
        var secretKeys = File.ReadLines(Path.Combine(Manifests.Kubernetes, "secrets.env.example")).Select(l => l[..l.IndexOf('=')]).ToList();
        foreach (var variable in Config.Keys.Concat(secretKeys))
            Assert.True(Manifests.IsKnownVariable(variable), $"{variable} is read by no code");
        Assert.Contains(SettingNames.EnvironmentVariable(SettingNames.ConnectionString), secretKeys);
        var secret = ((YamlMappingNode)Kustomization.Seq("secretGenerator").Single()).Str("name");
        foreach (var container in Containers)
        {
            foreach (var env in container.Children.TryGetValue("env", out var list) ? ((YamlSequenceNode)list).Cast<YamlMappingNode>() : [])
                Assert.True(Manifests.IsKnownVariable(env.Str("name")), $"{env.Str("name")} is read by no code");
            foreach (var source in container.Children.TryGetValue("envFrom", out var from) ? ((YamlSequenceNode)from).Cast<YamlMappingNode>() : [])
            {
                if (source.MapOrNull("configMapRef") is { } config) Object("ConfigMap", config.Str("name"));
                if (source.MapOrNull("secretRef") is { } secretRef) Assert.Equal(secret, secretRef.Str("name"));
            }
        }
    }

    [Fact]
    public void The_api_serves_its_port_and_probes_through_the_service_and_the_ingress()
    {
        var api = Container("pcdarts-api");
        var port = (YamlMappingNode)api.Seq("ports").Single();
        Assert.Equal("8080", port.Str("containerPort"));
        Assert.Equal(HealthPaths.Ready, api.Map("readinessProbe").Map("httpGet").Str("path"));
        Assert.Equal(HealthPaths.Live, api.Map("livenessProbe").Map("httpGet").Str("path"));
        var service = Object("Service", "pcdarts-api");
        Assert.Equal(port.Str("name"), ((YamlMappingNode)service.Map("spec").Seq("ports").Single()).Str("targetPort"));
        var backend = ((YamlMappingNode)((YamlMappingNode)Object("Ingress", "pcdarts").Map("spec").Seq("rules").Single())
            .Map("http").Seq("paths").Single()).Map("backend").Map("service");
        Assert.Equal("pcdarts-api", backend.Str("name"));
        Assert.Equal(((YamlMappingNode)service.Map("spec").Seq("ports").Single()).Str("name"), backend.Map("port").Str("name"));
        Assert.Equal("false", Config[SettingNames.EnvironmentVariable(SettingNames.MigrateAtStart)]);
    }

    [Fact]
    public void Migrations_run_in_a_job_of_the_api_image()
    {
        var migrate = (YamlMappingNode)Object("Job", "pcdarts-migrate").Map("spec").Map("template").Map("spec").Seq("containers").Single();
        Assert.Equal(Manifests.ImageBuiltBy("api.Dockerfile", null), migrate.Str("image"));
        Assert.Equal([MigrateCommand.Verb], migrate.Seq("args").Strings());
    }

    [Theory]
    [InlineData("pcdarts-runner-cpu", JobQueues.Cpu)]
    [InlineData("pcdarts-runner-gpu", JobQueues.Gpu)]
    public void Runners_mount_the_data_set_claim_read_only_at_their_data_root_and_probe_their_liveness_file(string deployment, string queue)
    {
        var runner = Container(deployment);
        var env = runner.Seq("env").Cast<YamlMappingNode>().ToDictionary(e => e.Str("name"), e => e.StrOrNull("value"));
        Assert.Equal(queue, env[SettingNames.EnvironmentVariable(SettingNames.RunnerQueues)]);
        var mount = (YamlMappingNode)runner.Seq("volumeMounts").Single();
        Assert.Equal(Config[SettingNames.EnvironmentVariable(SettingNames.DataRoot)], mount.Str("mountPath"));
        Assert.Equal("true", mount.Str("readOnly"));
        var volume = (YamlMappingNode)Object("Deployment", deployment).Map("spec").Map("template").Map("spec").Seq("volumes").Single();
        Assert.Equal(mount.Str("name"), volume.Str("name"));
        Object("PersistentVolumeClaim", volume.Map("persistentVolumeClaim").Str("claimName"));
        Assert.Contains(Config[SettingNames.EnvironmentVariable(SettingNames.RunnerLivenessFile)],
            string.Join(" ", runner.Map("livenessProbe").Map("exec").Seq("command").Strings()));
        var limits = runner.Map("resources").Map("limits");
        Assert.Equal(queue == JobQueues.Gpu, limits.Children.ContainsKey("nvidia.com/gpu"));
    }

    [Fact]
    public void Each_disruption_budget_selects_a_deployment_s_pods()
    {
        var budgets = Objects.Where(o => o.Str("kind") == "PodDisruptionBudget").ToList();
        Assert.Equal(3, budgets.Count);
        foreach (var budget in budgets)
        {
            var selector = budget.Map("spec").Map("selector").Map("matchLabels").Entries().Select(e => (e.Key, ((YamlScalarNode)e.Value).Value)).ToHashSet();
            Assert.Contains(Objects.Where(o => o.Str("kind") == "Deployment"), d =>
                selector.IsSubsetOf(d.Map("spec").Map("template").Map("metadata").Map("labels").Entries().Select(e => (e.Key, ((YamlScalarNode)e.Value).Value))));
        }
    }
}
