using PcDarts.Core.Specs;

namespace PcDarts.SearchRunner.Cli;

/// <summary>
/// The CLI options of one spec record: each flag names the spec field it sets, so a validation error on a field
/// is reported with the flag the user typed.
/// </summary>
public sealed class SpecFlags<TSpec> where TSpec : class, IValidatedSpec
{
    private readonly List<(string Flag, string Field, Func<CommandArguments, TSpec, TSpec> Apply)> _flags = [];

    public IEnumerable<string> Names => _flags.Select(f => f.Flag);

    public SpecFlags<TSpec> Text(string flag, string field, Func<TSpec, string, TSpec> set) =>
        Add(flag, field, (args, spec) => set(spec, args.Text(flag)!));

    public SpecFlags<TSpec> Int(string flag, string field, Func<TSpec, int, TSpec> set) =>
        Add(flag, field, (args, spec) => set(spec, args.Int(flag)!.Value));

    public SpecFlags<TSpec> Double(string flag, string field, Func<TSpec, double, TSpec> set) =>
        Add(flag, field, (args, spec) => set(spec, args.Double(flag)!.Value));

    public SpecFlags<TSpec> Switch(string flag, string field, Func<TSpec, bool, TSpec> set) =>
        Add(flag, field, (args, spec) => set(spec, args.Switch(flag)!.Value));

    private SpecFlags<TSpec> Add(string flag, string field, Func<CommandArguments, TSpec, TSpec> apply)
    {
        _flags.Add((flag, field, apply));
        return this;
    }

    /// <summary>Applies every flag that was given on top of <paramref name="spec"/>.</summary>
    public TSpec Apply(CommandArguments args, TSpec spec)
    {
        foreach (var (flag, _, apply) in _flags)
            if (args.Has(flag)) spec = apply(args, spec);
        return spec;
    }

    /// <summary>
    /// The preset named by --preset (else <paramref name="start"/>) with the explicit flags on top, validated:
    /// the first invalid field comes back as a usage error naming its flag.
    /// </summary>
    public TSpec FromArguments(CommandArguments args, TSpec start, Func<string, TSpec?> findPreset)
    {
        var spec = start;
        if (args.Text("--preset") is { } preset)
            spec = findPreset(preset)
                ?? throw new CliUsageException($"--preset: unknown preset '{preset}'; expected one of {string.Join(", ", SearchPresets.Names)}");
        spec = Apply(args, spec);
        var errors = spec.Validate();
        return errors.Count == 0 ? spec : throw UsageError(errors);
    }

    public string FlagFor(string field) =>
        _flags.FirstOrDefault(f => f.Field == field).Flag ?? field;

    /// <summary>The first validation error, phrased with its flag: "--k: K = 4 does not divide …".</summary>
    public CliUsageException UsageError(IReadOnlyList<SpecError> errors)
    {
        var first = errors[0];
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more: {string.Join(", ", errors.Skip(1).Select(e => FlagFor(e.Field)))})" : "";
        return new CliUsageException($"{FlagFor(first.Field)}: {first.Message}{more}");
    }
}

public static class SearchSpecFlags
{
    public static SpecFlags<SearchSpec> All { get; } = new SpecFlags<SearchSpec>()
        .Text("--dataset", "dataset", (s, v) => s with { Dataset = v })
        .Text("--data-dir", "dataDir", (s, v) => s with { DataDir = v })
        .Text("--network", "network", (s, v) => s with { Network = v })
        .Int("--epochs", "epochs", (s, v) => s with { Epochs = v })
        .Int("--batch-size", "batchSize", (s, v) => s with { BatchSize = v })
        .Int("--channels", "channels", (s, v) => s with { Channels = v })
        .Int("--layers", "layers", (s, v) => s with { Layers = v })
        .Int("--nodes", "nodes", (s, v) => s with { Nodes = v })
        .Int("--k", "k", (s, v) => s with { K = v })
        .Switch("--edge-norm", "edgeNormalization", (s, v) => s with { EdgeNormalization = v })
        .Int("--warmup-epochs", "warmupEpochs", (s, v) => s with { WarmupEpochs = v })
        .Double("--lr", "learningRate", (s, v) => s with { LearningRate = v })
        .Double("--lr-min", "learningRateMin", (s, v) => s with { LearningRateMin = v })
        .Double("--momentum", "momentum", (s, v) => s with { Momentum = v })
        .Double("--weight-decay", "weightDecay", (s, v) => s with { WeightDecay = v })
        .Double("--grad-clip", "gradClip", (s, v) => s with { GradClip = v })
        .Double("--arch-lr", "archLearningRate", (s, v) => s with { ArchLearningRate = v })
        .Double("--arch-weight-decay", "archWeightDecay", (s, v) => s with { ArchWeightDecay = v })
        .Double("--arch-grad-clip", "archGradClip", (s, v) => s with { ArchGradClip = v })
        .Double("--train-portion", "trainPortion", (s, v) => s with { TrainPortion = v })
        .Int("--subset", "subset", (s, v) => s with { Subset = v })
        .Int("--input-size", "inputSize", (s, v) => s with { InputSize = v })
        .Int("--seed", "seed", (s, v) => s with { Seed = v })
        .Int("--threads", "threads", (s, v) => s with { Threads = v })
        .Text("--queue", "queue", (s, v) => s with { Queue = v });

    /// <summary>Search options over a preset, by default the paper's CIFAR-10 setting.</summary>
    public static SearchSpec FromArguments(CommandArguments args, SearchSpec? start = null) =>
        All.FromArguments(args, start ?? SearchPresets.Cifar10, SearchPresets.Find);
}
