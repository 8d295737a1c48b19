using System.Globalization;

namespace PcDarts.Bench.Chaos;

/// <summary>The benchmark's flags; a bad one is an <see cref="ArgumentException"/> whose message names it.</summary>
internal sealed record ChaosOptions(int Seed = 1, int Faults = 20, int Searches = 5, int Epochs = 5, int TimeoutSeconds = 420)
{
    public const string Usage = "usage: dotnet run --project bench/Chaos -- [--seed N] [--faults N] [--searches N] [--epochs N] [--timeout SECONDS]";

    public static ChaosOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ChaosOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            var flag = args[i];
            if (i + 1 >= args.Count) throw new ArgumentException($"{flag}: needs a value");
            options = flag switch
            {
                "--seed" => options with { Seed = Number(flag, args[i + 1], 0, int.MaxValue) },
                "--faults" => options with { Faults = Number(flag, args[i + 1], 0, 200) },
                "--searches" => options with { Searches = Number(flag, args[i + 1], 1, 20) },
                "--epochs" => options with { Epochs = Number(flag, args[i + 1], 2, 20) },
                "--timeout" => options with { TimeoutSeconds = Number(flag, args[i + 1], 10, 86_400) },
                _ => throw new ArgumentException($"{flag}: unknown flag"),
            };
        }
        return options;
    }

    private static int Number(string flag, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{flag}: expected a whole number from {min} to {max}, got '{text}'");
}
