using System.CommandLine;
using System.Text.Json.Nodes;
using PcDarts.Cli.CommandLine;
using PcDarts.Cli.Specs;
using PcDarts.Core.Search;
using PcDarts.Core.Specs;
using PcDarts.Engine.Evaluation;
using PcDarts.Engine.Search;
using TorchSharp;

namespace PcDarts.SearchRunner.Cli;

/// <summary>`pcdarts-runner inspect`: how big a network is before anyone trains it.</summary>
internal static class InspectCommand
{
    /// <summary>What was asked for: every field but the two modes is optional (null: the preset's value).</summary>
    private sealed record Request(bool Json, bool Auxiliary, string? Network, int? Channels, int? Layers, int? Nodes, int? K,
        int? InChannels, int? Classes, int? InputSize);

    public static Command Create()
    {
        var search = CliOption.Flag("--search", "the search network: its weight parameter count and its α/β counts");
        var genotype = CliOption.Text("--genotype",
            "the evaluation network built from a genotype: parameters with and without the auxiliary tower (papers report it without) " +
            "and multiply-adds of one forward pass (convolutions and linear layers)", "NAME|FILE");
        var network = CliOption.Text("--network", "the network's shape", string.Join('|', NetworkShapes.All));
        var channels = CliOption.Int("--channels", "initial channels", "C");
        var layers = CliOption.Int("--layers", "cells in the network");
        var nodes = CliOption.Int("--nodes", "search: intermediate nodes per cell");
        var k = CliOption.Int("--k", "search: partial channels K", "K");
        var inChannels = CliOption.Int("--in-channels", "image channels (default 3)", "1|3");
        var classes = CliOption.Int("--classes", "classes (default 10, 1000 for the ImageNet shape)");
        var inputSize = CliOption.Int("--input-size", "evaluation: image side (default 32, 224 for the ImageNet shape)");
        var auxiliary = CliOption.Flag("--auxiliary", "evaluation: also print the count with the auxiliary tower");
        var json = CliOption.Flag("--json", "one JSON object on stdout");
        var command = new Command("inspect", "count parameters (and multiply-adds) of a network before anyone trains it")
        {
            search, genotype, network, channels, layers, nodes, k, inChannels, classes, inputSize, auxiliary, json,
        };
        command.SetAction(r =>
        {
            if (r.GetValue(search) == r.GetValue(genotype) is not null)
                throw new CliUsageException("'pcdarts-runner inspect' needs exactly one of --search and --genotype NAME|FILE");
            var request = new Request(r.GetValue(json), r.GetValue(auxiliary), r.GetValue(network), r.GetValue(channels), r.GetValue(layers),
                r.GetValue(nodes), r.GetValue(k), r.GetValue(inChannels), r.GetValue(classes), r.GetValue(inputSize));
            return r.GetValue(genotype) is { } cell ? InspectEvaluation(request, cell) : InspectSearch(request);
        });
        return command;
    }

    private static int InspectSearch(Request args)
    {
        var defaults = SearchPresets.Cifar10;
        var spec = defaults with
        {
            Network = args.Network ?? defaults.Network,
            Channels = args.Channels ?? defaults.Channels,
            Layers = args.Layers ?? defaults.Layers,
            Nodes = args.Nodes ?? defaults.Nodes,
            K = args.K ?? defaults.K,
        };
        var errors = spec.Validate();
        if (errors.Count > 0) throw SearchSpecOptions.Create().UsageError(errors);
        var (inChannels, classes) = InputAndClasses(args);

        using var network = SearchNetwork.Create(new SearchNetworkOptions(spec.Network, spec.Channels, spec.Layers,
            spec.Nodes, spec.K, spec.EdgeNormalization, inChannels, classes), torch.CPU);
        var weights = network.WeightParameters().Sum(p => p.numel());
        var edges = SearchSpace.EdgeCount(spec.Nodes);
        var alphas = 2L * edges * SearchSpace.Primitives.Count;
        var betas = 2L * edges;
        if (args.Json)
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

    private static (int InChannels, int Classes) InputAndClasses(Request args, int defaultClasses = 10)
    {
        var inChannels = args.InChannels ?? 3;
        if (inChannels is not (1 or 3)) throw new CliUsageException($"--in-channels must be 1 or 3, got {inChannels}");
        var classes = args.Classes ?? defaultClasses;
        if (classes < 2) throw new CliUsageException($"--classes must be at least 2, got {classes}");
        return (inChannels, classes);
    }

    private static int InspectEvaluation(Request args, string cell)
    {
        var genotype = GenotypeArgument.Resolve(cell);
        var network = args.Network ?? NetworkShapes.Cifar;
        var defaults = network == NetworkShapes.ImageNet ? RetrainPresets.ImageNet : RetrainPresets.Cifar10;
        var spec = defaults with
        {
            Network = network,
            Channels = args.Channels ?? defaults.Channels,
            Layers = args.Layers ?? defaults.Layers,
            InputSize = args.InputSize ?? (network == NetworkShapes.ImageNet ? 224 : 32),
        };
        var errors = spec.Validate();
        if (errors.Count > 0) throw RetrainSpecOptions.Create().UsageError(errors);
        var (inChannels, classes) = InputAndClasses(args, network == NetworkShapes.ImageNet ? 1000 : 10);

        using var model = EvalNetwork.Create(new EvalNetworkOptions(spec.Network, spec.Channels, spec.Layers, classes, inChannels,
            Auxiliary: true), genotype, torch.CPU);
        var cost = ModelCost.Measure(model, spec.InputSize!.Value);
        var withAuxiliary = cost.Parameters + cost.AuxiliaryParameters;
        if (args.Json)
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
        if (args.Auxiliary)
            Console.Out.WriteLine($"  with auxiliary tower  {withAuxiliary,14:N0}  ({withAuxiliary / 1e6:F2} M)");
        Console.Out.WriteLine($"  multiply-adds         {cost.MultiplyAdds,14:N0}  ({cost.MultiplyAdds / 1e6:F1} M: convolutions and linear layers, one image, eval mode)");
        return 0;
    }
}
