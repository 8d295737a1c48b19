using System.CommandLine;
using PcDarts.Cli.CommandLine;
using PcDarts.Core.Specs;

namespace PcDarts.Cli.Specs;

/// <summary>
/// The command-line options of one spec record: each option names the spec field it sets, so a validation error on a
/// field is reported with the option the user typed. Both executables take their spec options from here.
/// </summary>
public sealed class SpecOptions<TSpec> where TSpec : class, IValidatedSpec
{
    private readonly List<(Option Option, string Field, Func<ParseResult, TSpec, TSpec> Apply)> _options = [];
    private readonly Func<string, TSpec?> _findPreset;

    public SpecOptions(Func<string, TSpec?> findPreset, string presetDescription)
    {
        _findPreset = findPreset;
        Preset = CliOption.OneOf("--preset", presetDescription, SearchPresets.Names);
    }

    /// <summary>--preset NAME: the whole spec to start from; the other options apply on top of it.</summary>
    public Option<string?> Preset { get; }

    public IEnumerable<Option> Options => _options.Select(o => o.Option).Prepend(Preset);

    public SpecOptions<TSpec> Text(string name, string field, string description, Func<TSpec, string, TSpec> set, string helpName = "TEXT") =>
        Add(CliOption.Text(name, description, helpName), field, (s, v) => set(s, v!));

    public SpecOptions<TSpec> Int(string name, string field, string description, Func<TSpec, int, TSpec> set, string helpName = "N") =>
        Add(CliOption.Int(name, description, helpName), field, (s, v) => set(s, v!.Value));

    public SpecOptions<TSpec> Number(string name, string field, string description, Func<TSpec, double, TSpec> set) =>
        Add(CliOption.Number(name, description), field, (s, v) => set(s, v!.Value));

    public SpecOptions<TSpec> Switch(string name, string field, string description, Func<TSpec, bool, TSpec> set) =>
        Add(CliOption.Switch(name, description), field, (s, v) => set(s, v == OnOff.On));

    private SpecOptions<TSpec> Add<T>(Option<T?> option, string field, Func<TSpec, T?, TSpec> set)
    {
        _options.Add((option, field, (result, spec) => result.GetValue(option) is { } value ? set(spec, value) : spec));
        return this;
    }

    /// <summary>Adds every spec option, --preset first, to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in Options) command.Options.Add(option);
    }

    /// <summary>Whether the user gave this option (as opposed to a preset or a saved spec supplying the field).</summary>
    public bool Given(ParseResult result, string name) =>
        result.GetResult(Options.First(o => o.Name == name)) is { Implicit: false };

    /// <summary>
    /// The preset named by --preset (else <paramref name="start"/>) with the options given on top, validated:
    /// the first invalid field comes back as a usage error naming its option. <paramref name="knownDatasets"/>: the data
    /// set names this run can read (default the built-ins). With <paramref name="platformNamesDataset"/> (a spec sent to
    /// the platform) the data set's name is left to the platform, which knows its registered sets.
    /// </summary>
    public TSpec FromParse(ParseResult result, TSpec start, IReadOnlyList<string>? knownDatasets = null, bool platformNamesDataset = false)
    {
        var spec = result.GetValue(Preset) is { } preset
            ? _findPreset(preset) ?? throw new CliUsageException($"--preset: unknown preset '{preset}'; expected one of {string.Join(", ", SearchPresets.Names)}")
            : start;
        foreach (var (_, _, apply) in _options) spec = apply(result, spec);
        var errors = spec.Validate(knownDatasets ?? DatasetNames.All).Where(e => !(platformNamesDataset && e.Field == "dataset")).ToList();
        return errors.Count == 0 ? spec : throw UsageError(errors);
    }

    /// <summary>The option that sets <paramref name="field"/>, or the field's own name when no option does.</summary>
    public string OptionFor(string field) =>
        _options.FirstOrDefault(o => o.Field == field).Option?.Name ?? field;

    /// <summary>The first validation error, phrased with its option: "--k: K = 4 does not divide …".</summary>
    public CliUsageException UsageError(IReadOnlyList<SpecError> errors)
    {
        var first = errors[0];
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more: {string.Join(", ", errors.Skip(1).Select(e => OptionFor(e.Field)))})" : "";
        return new CliUsageException($"{OptionFor(first.Field)}: {first.Message}{more}");
    }
}
