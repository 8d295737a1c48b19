using System.Text.Json.Nodes;
using PcDarts.Core.Search;
using PcDarts.Core.Specs;
using PcDarts.SearchRunner.Search;
using TorchSharp;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts inspect`: how big a network is before anyone trains it.</summary>
internal static class InspectCommand
{
    public const string Usage = """
        pcdarts inspect --search [--network cifar|imagenet] [--channels C] [--layers N] [--nodes N] [--k K] [--in-channels 1|3] [--classes N] [--json]

          Prints the search network's weight parameter count and its α/β counts.
        """;

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("inspect", rawArgs,
            ["--network", "--channels", "--layers", "--nodes", "--k", "--in-channels", "--classes"], ["--search", "--json"]);
        args.ExpectPositionals(0, "pcdarts inspect --search [options]");
        if (!args.Has("--search"))
            throw new CliUsageException("'pcdarts inspect' needs --search");
        return InspectSearch(args);
    }

    private static int InspectSearch(CommandArguments args)
    {
        var defaults = SearchPresets.Cifar10;
        var spec = defaults with
        {
            Network = args.Text("--network") ?? defaults.Network,
            Channels = args.Int("--channels") ?? defaults.Channels,
            Layers = args.Int("--layers") ?? defaults.Layers,
            Nodes = args.Int("--nodes") ?? defaults.Nodes,
            K = args.Int("--k") ?? defaults.K,
        };
        var errors = spec.Validate();
        if (errors.Count > 0) throw SearchSpecFlags.All.UsageError(errors);
        var inChannels = args.Int("--in-channels") ?? 3;
        if (inChannels is not (1 or 3)) throw new CliUsageException($"--in-channels must be 1 or 3, got {inChannels}");
        var classes = args.Int("--classes") ?? 10;
        if (classes < 2) throw new CliUsageException($"--classes must be at least 2, got {classes}");

        using var network = SearchNetwork.Create(new SearchNetworkOptions(spec.Network, spec.Channels, spec.Layers,
            spec.Nodes, spec.K, spec.EdgeNormalization, inChannels, classes), torch.CPU);
        var weights = network.WeightParameters().Sum(p => p.numel());
        var edges = SearchSpace.EdgeCount(spec.Nodes);
        var alphas = 2L * edges * SearchSpace.Primitives.Count;
        var betas = 2L * edges;
        if (args.Has("--json"))
        {
            Console.Out.WriteLine(new JsonObject
            {
                ["network"] = spec.Network, ["channels"] = spec.Channels, ["layers"] = spec.Layers, ["nodes"] = spec.Nodes,
                ["k"] = spec.K, ["inChannels"] = inChannels, ["classes"] = classes,
                ["weightParameters"] = weights, ["edgesPerCell"] = edges, ["alphas"] = alphas, ["betas"] = betas,
            }.ToJsonString());
        }
        else
        {
            Console.Out.WriteLine($"search network ({spec.Network}, C = {spec.Channels}, {spec.Layers} cells, {spec.Nodes} nodes, K = {spec.K}, {inChannels} input channels, {classes} classes)");
            Console.Out.WriteLine($"  weight parameters  {weights,12:N0}  ({weights / 1e6:F3} M)");
            Console.Out.WriteLine($"  α                  {alphas,12:N0}  (normal + reduce: 2 × {edges} edges × {SearchSpace.Primitives.Count} ops)");
            Console.Out.WriteLine($"  β                  {betas,12:N0}  (normal + reduce: 2 × {edges} edges)");
        }
        return 0;
    }
}
