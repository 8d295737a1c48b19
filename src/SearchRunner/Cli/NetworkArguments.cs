using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using PcDarts.Cli.CommandLine;
using PcDarts.Core.Genotypes;
using PcDarts.Core.Specs;
using PcDarts.Engine.Evaluation;
using PcDarts.Engine.Interop;
using PcDarts.Engine.Training;

namespace PcDarts.SearchRunner.Cli;

/// <summary>
/// --weights FILE and the evaluation network it belongs to. The file's shapes give the network, C, the depth, the classes
/// and the tower; the genotype comes from --genotype or from the summary.json that `train` writes beside its weights.
/// Options given explicitly override what the file says (and the load then checks that they fit).
/// </summary>
internal sealed class NetworkArguments
{
    private readonly Option<string?> _weights = Required(CliOption.Text("--weights", "weights of an evaluation network: a `train` run's weights file or a PyTorch state_dict (.pt)", "FILE"));
    private readonly Option<string?> _genotype = CliOption.Text("--genotype", $"the cell: {string.Join(", ", PublishedGenotypes.Names)}, or a file (default: summary.json beside --weights)", "NAME|FILE");
    private readonly Option<string?> _network = CliOption.OneOf("--network", "the network's shape (default: read from --weights)", NetworkShapes.All);
    private readonly Option<int?> _channels = CliOption.Int("--channels", "C of the first cells (default: read from --weights)", "C");
    private readonly Option<int?> _layers = CliOption.Int("--layers", "cells (default: read from --weights)", "L");
    private readonly Option<int?> _classes = CliOption.Int("--classes", "classifier outputs (default: read from --weights)");
    private readonly Option<bool> _auxiliary = CliOption.Flag("--auxiliary", "the network has the auxiliary tower (default: when --weights holds one)");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _weights, _genotype, _network, _channels, _layers, _classes, _auxiliary }) command.Options.Add(option);
    }

    public string WeightsPath(ParseResult parsed)
    {
        var path = parsed.GetValue(_weights)!;
        return File.Exists(path) ? path : throw new CliUsageException($"--weights: no file '{path}'");
    }

    /// <summary>Builds the network on the compute device and loads --weights into it.</summary>
    public EvalNetwork Load(ParseResult parsed)
    {
        var path = WeightsPath(parsed);
        var genotype = parsed.GetValue(_genotype) is { } named ? GenotypeArgument.Resolve(named) : GenotypeBeside(path);
        try
        {
            var described = WeightShapes.Describe(path);
            var options = described with
            {
                Shape = parsed.GetValue(_network) ?? described.Shape,
                Channels = parsed.GetValue(_channels) ?? described.Channels,
                Layers = parsed.GetValue(_layers) ?? described.Layers,
                Classes = parsed.GetValue(_classes) ?? described.Classes,
                Auxiliary = parsed.GetValue(_auxiliary) || described.Auxiliary,
            };
            var network = EvalNetwork.Create(options, genotype, ComputeDevice.Select());
            NetworkWeights.Load(network, path);
            return network;
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            throw new CliUsageException($"--weights: {e.Message}");
        }
    }

    private static Genotype GenotypeBeside(string weights)
    {
        var summary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(weights))!, "summary.json");
        if (!File.Exists(summary)) throw new CliUsageException($"--genotype: needed, as no summary.json lies beside '{weights}'");
        try
        {
            return Genotype.ParseAny(JsonNode.Parse(File.ReadAllText(summary))?["genotype"]?.GetValue<string>()
                ?? throw new FormatException("it has no genotype"));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new CliUsageException($"--genotype: needed, as '{summary}' gives none ({e.Message})");
        }
    }

    private static Option<string?> Required(Option<string?> option)
    {
        option.Required = true;
        return option;
    }
}
