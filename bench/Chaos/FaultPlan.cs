namespace PcDarts.Bench.Chaos;

internal enum FaultKind { RunnerKill, PostgresRestart, ApiRestart }

/// <summary>One fault: when (from the start of the disturbed run), what, which runner, how long PostgreSQL stays down.</summary>
internal sealed record Fault(TimeSpan At, FaultKind Kind, int Runner, TimeSpan Down)
{
    public override string ToString() => Kind switch
    {
        FaultKind.RunnerKill => $"SIGKILL runner slot {Runner}, start a replacement",
        FaultKind.PostgresRestart => $"PostgreSQL down {Down.TotalSeconds:F0} s",
        _ => "SIGKILL the API, start it again",
    };
}

/// <summary>
/// The faults of one run, drawn from <c>--seed</c> alone, so a run can be repeated: moments uniform over the
/// window (about as long as the undisturbed searches took), kinds equally likely, outages of 2–10 s.
/// </summary>
internal static class FaultPlan
{
    public static IReadOnlyList<Fault> Draw(int seed, int count, TimeSpan window, int runners)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => new Fault(
                window * random.NextDouble(),
                (FaultKind)random.Next(3),
                random.Next(runners),
                TimeSpan.FromSeconds(2 + 8 * random.NextDouble())))
            .OrderBy(f => f.At)
            .ToList();
    }
}
