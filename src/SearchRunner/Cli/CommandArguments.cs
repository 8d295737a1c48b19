using System.Globalization;

namespace PcDarts.SearchRunner.Cli;

/// <summary>
/// `--name value`, `--name=value` and bare `--flag` options of one verb, checked against the options the verb
/// declares so a typo is named instead of ignored.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _lists = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    /// <param name="repeatableOptions">Value options that may be given more than once (`--tag a --tag b`), read with <see cref="Texts"/>.</param>
    public CommandArguments(string verb, IReadOnlyList<string> args, IEnumerable<string> valueOptions, IEnumerable<string> flagOptions,
        IEnumerable<string>? repeatableOptions = null)
    {
        Verb = verb;
        var repeatable = (repeatableOptions ?? []).ToHashSet(StringComparer.Ordinal);
        var takesValue = valueOptions.Concat(repeatable).ToHashSet(StringComparer.Ordinal);
        var isFlag = flagOptions.ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                _positionals.Add(arg);
                continue;
            }
            var equals = arg.IndexOf('=');
            var name = equals > 0 ? arg[..equals] : arg;
            if (isFlag.Contains(name))
            {
                if (equals > 0) throw new CliUsageException($"{name} takes no value, got '{arg[(equals + 1)..]}'");
                _values[name] = null;
            }
            else if (takesValue.Contains(name))
            {
                string value;
                if (equals > 0) value = arg[(equals + 1)..];
                else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
                else throw new CliUsageException($"{name} needs a value");
                if (repeatable.Contains(name))
                {
                    if (!_lists.TryGetValue(name, out var list)) _lists[name] = list = [];
                    list.Add(value);
                    continue;
                }
                if (_values.ContainsKey(name)) throw new CliUsageException($"{name} is given twice");
                _values[name] = value;
            }
            else
            {
                throw new CliUsageException($"unknown option '{name}' for 'pcdarts {verb}' (see 'pcdarts {verb} --help')");
            }
        }
    }

    public string Verb { get; }
    public IReadOnlyList<string> Positionals => _positionals;

    public bool Has(string name) => _values.ContainsKey(name) || _lists.ContainsKey(name);

    /// <summary>Every value of a repeatable option, in the order given.</summary>
    public IReadOnlyList<string> Texts(string name) => _lists.TryGetValue(name, out var list) ? list : [];

    public string? Text(string name) => _values.GetValueOrDefault(name);

    public string RequiredText(string name) =>
        Text(name) ?? throw new CliUsageException($"'pcdarts {Verb}' needs {name}");

    public int? Int(string name)
    {
        if (Text(name) is not { } text) return null;
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliUsageException($"{name} needs a whole number, got '{text}'");
    }

    public double? Double(string name)
    {
        if (Text(name) is not { } text) return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new CliUsageException($"{name} needs a number, got '{text}'");
    }

    /// <summary>An `on|off` switch.</summary>
    public bool? Switch(string name) => Text(name) switch
    {
        null => null,
        "on" or "true" or "yes" => true,
        "off" or "false" or "no" => false,
        var other => throw new CliUsageException($"{name} must be 'on' or 'off', got '{other}'"),
    };

    public int[] IntList(string name, int[] fallback)
    {
        if (Text(name) is not { } text) return fallback;
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new CliUsageException($"{name} needs comma-separated whole numbers, got '{text}'"))
            .ToArray();
    }

    public void ExpectPositionals(int count, string usage)
    {
        if (_positionals.Count != count)
            throw new CliUsageException(_positionals.Count > count
                ? $"unexpected argument '{_positionals[count]}' for 'pcdarts {Verb}' (usage: {usage})"
                : $"'pcdarts {Verb}' is missing an argument (usage: {usage})");
    }
}
