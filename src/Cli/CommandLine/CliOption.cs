using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace PcDarts.Cli.CommandLine;

/// <summary>
/// Options whose bad values are reported as one line naming the option ("--epochs needs a whole number, got 'many'").
/// Value options are nullable: null means "not given", so a spec or a default underneath stays as it was.
/// </summary>
public static class CliOption
{
    public static Option<string?> Text(string name, string description, string helpName = "TEXT") =>
        Single(new Option<string?>(name) { Description = description, HelpName = helpName, CustomParser = r => r.Tokens.Count == 0 ? null : r.Tokens[0].Value });

    /// <summary>One of a fixed set of words; help lists them.</summary>
    public static Option<string?> OneOf(string name, string description, IReadOnlyList<string> allowed)
    {
        var option = Text(name, description, string.Join('|', allowed));
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && !allowed.Contains(r.Tokens[0].Value))
                r.AddError($"{name}: expected one of {string.Join(", ", allowed)}, got '{r.Tokens[0].Value}'");
        });
        return option;
    }

    public static Option<int?> Int(string name, string description, string helpName = "N") =>
        Parsed<int?>(name, description, helpName, text =>
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null, "a whole number");

    public static Option<double?> Number(string name, string description, string helpName = "X") =>
        Parsed<double?>(name, description, helpName, text =>
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null, "a number");

    /// <summary>
    /// An `on|off` switch (true/false and yes/no are taken too). Not an <c>Option&lt;bool?&gt;</c>: the parser would leave
    /// a value that is not a boolean behind as a stray argument instead of naming it as this option's bad value.
    /// </summary>
    public static Option<OnOff?> Switch(string name, string description)
    {
        var option = new Option<OnOff?>(name) { Description = description, HelpName = "on|off" };
        option.CustomParser = r => r.Tokens.Count == 0 ? null : r.Tokens[0].Value switch
        {
            "on" or "true" or "yes" => OnOff.On,
            "off" or "false" or "no" => OnOff.Off,
            var other => Error<OnOff?>(r, $"{name} must be 'on' or 'off', got '{other}'"),
        };
        return Single(option);
    }

    /// <summary>Comma-separated whole numbers: `--k 1,2,4,8`.</summary>
    public static Option<int[]?> IntList(string name, string description, string helpName = "N,N,…")
    {
        var option = new Option<int[]?>(name) { Description = description, HelpName = helpName };
        option.CustomParser = r =>
        {
            if (r.Tokens.Count == 0) return null;
            var text = r.Tokens[0].Value;
            var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var values = new int[parts.Length];
            for (var i = 0; i < parts.Length; i++)
                if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]))
                    return Error<int[]?>(r, $"{name} needs comma-separated whole numbers, got '{text}'");
            return values;
        };
        return Single(option);
    }

    /// <summary>A bare flag: `--json`.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>A value option that may be given more than once (`--tag a --tag b`), in the order given.</summary>
    public static Option<string[]> Repeated(string name, string description, string helpName) =>
        new(name) { Description = description, HelpName = helpName, Arity = ArgumentArity.ZeroOrMore, DefaultValueFactory = _ => [] };

    private static Option<T> Parsed<T>(string name, string description, string helpName, Func<string, T> parse, string what)
    {
        var option = new Option<T>(name) { Description = description, HelpName = helpName };
        option.CustomParser = r =>
        {
            if (r.Tokens.Count == 0) return default;
            var text = r.Tokens[0].Value;
            return parse(text) is { } value ? value : Error<T>(r, $"{name} needs {what}, got '{text}'");
        };
        return Single(option);
    }

    /// <summary>
    /// A single-valued option given twice is a mistake to name, not a value to pick: it takes one value per occurrence
    /// and any number of occurrences, so the parser hands the count to this check instead of failing on arity first.
    /// </summary>
    private static Option<T> Single<T>(Option<T> option)
    {
        option.Arity = ArgumentArity.OneOrMore;
        option.AllowMultipleArgumentsPerToken = false;
        option.Validators.Add(r =>
        {
            if (r.IdentifierTokenCount > 1) r.AddError($"{option.Name} is given twice");
        });
        return option;
    }

    private static T Error<T>(ArgumentResult result, string message)
    {
        result.AddError(message);
        return default!;
    }
}

public enum OnOff
{
    Off,
    On,
}
