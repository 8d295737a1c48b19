using System.Text.Json.Nodes;
using PcDarts.Core.Search;
using PcDarts.Core.Specs;
using PcDarts.Engine.Evaluation;
using PcDarts.Engine.Search;
using TorchSharp;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts inspect`: how big a network is before anyone trains it.</summary>
internal static class InspectCommand
{
    public const string Usage = """
        pcdarts inspect --search [--network cifar|imagenet] [--channels C] [--layers N] [--nodes N] [--k K] [--in-channels 1|3] [--classes N] [--json]
        pcdarts inspect --genotype NAME|FILE [--network cifar|imagenet] [--channels C] [--layers N] [--classes N] [--in-channels 1|3] [--input-size N] [--auxiliary] [--json]

          --search     the search network's weight parameter count and its α/β counts
          --genotype   the evaluation network built from a genotype: parameters with and without the auxiliary tower
                       (papers report it without) and multiply-adds of one forward pass (convolutions and linear layers)
        """;

    public static int Run(IReadOnlyList<string> rawArgs)
    {
        var args = new CommandArguments("inspect", rawArgs,
            ["--network", "--channels", "--layers", "--nodes", "--k", "--in-channels", "--classes", "--genotype", "--input-size"],
            ["--search", "--json", "--auxiliary"]);
        args.ExpectPositionals(0, "pcdarts inspect --search|--genotype NAME [options]");
        if (args.Has("--search") == args.Has("--genotype"))
            throw new CliUsageException("'pcdarts inspect' needs exactly one of --search and --genotype NAME|FILE");
        return args.Has("--search") ? InspectSearch(args) : InspectEvaluation(args);
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
        var (inChannels, classes) = InputAndClasses(args);

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

    private static (int InChannels, int Classes) InputAndClasses(CommandArguments args, int defaultClasses = 10)
    {
        var inChannels = args.Int("--in-channels") ?? 3;
        if (inChannels is not (1 or 3)) throw new CliUsageException($"--in-channels must be 1 or 3, got {inChannels}");
        var classes = args.Int("--classes") ?? defaultClasses;
        if (classes < 2) throw new CliUsageException($"--classes must be at least 2, got {classes}");
        return (inChannels, classes);
    }

    private static int InspectEvaluation(CommandArguments args)
    {
        var genotype = GenotypeArgument.Resolve(args.RequiredText("--genotype"));
        var network = args.Text("--network") ?? NetworkShapes.Cifar;
        var defaults = network == NetworkShapes.ImageNet ? RetrainPresets.ImageNet : RetrainPresets.Cifar10;
        var spec = defaults with
        {
            Network = network,
            Channels = args.Int("--channels") ?? defaults.Channels,
            Layers = args.Int("--layers") ?? defaults.Layers,
            InputSize = args.Int("--input-size") ?? (network == NetworkShapes.ImageNet ? 224 : 32),
        };
        var errors = spec.Validate();
        if (errors.Count > 0) throw RetrainSpecFlags.All.UsageError(errors);
        var (inChannels, classes) = InputAndClasses(args, network == NetworkShapes.ImageNet ? 1000 : 10);

        using var model = EvalNetwork.Create(new EvalNetworkOptions(spec.Network, spec.Channels, spec.Layers, classes, inChannels,
            Auxiliary: true), genotype, torch.CPU);
        var cost = ModelCost.Measure(model, spec.InputSize!.Value);
        var withAuxiliary = cost.Parameters + cost.AuxiliaryParameters;
        if (args.Has("--json"))
        {
            Console.Out.WriteLine(new JsonObject
            {
                ["genotype"] = genotype.ToDartsText(), ["network"] = spec.Network, ["channels"] = spec.Channels, ["layers"] = spec.Layers,
                ["classes"] = classes, ["inChannels"] = inChannels, ["inputSize"] = spec.InputSize,
                ["parameters"] = cost.Parameters, ["parametersWithAuxiliary"] = withAuxiliary, ["multiplyAdds"] = cost.MultiplyAdds,
                ["counted"] = "parameters: all weights and biases (BN running statistics excluded); multiply-adds: convolutions and linear layers of one image in eval mode",
            }.ToJsonString());
            return 0;
        }
        Console.Out.WriteLine($"{spec.Network} evaluation network: C = {spec.Channels}, {spec.Layers} cells, {classes} classes, {inChannels}×{spec.InputSize}×{spec.InputSize} input");
        Console.Out.WriteLine($"  {genotype.ToDartsText()}");
        Console.Out.WriteLine($"  parameters            {cost.Parameters,14:N0}  ({cost.Parameters / 1e6:F2} M, without the auxiliary tower, as papers report)");
        if (args.Has("--auxiliary"))
            Console.Out.WriteLine($"  with auxiliary tower  {withAuxiliary,14:N0}  ({withAuxiliary / 1e6:F2} M)");
        Console.Out.WriteLine($"  multiply-adds         {cost.MultiplyAdds,14:N0}  ({cost.MultiplyAdds / 1e6:F1} M: convolutions and linear layers, one image, eval mode)");
        return 0;
    }
}
