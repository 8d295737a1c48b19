namespace PcDarts.Persistence.Events;

public static class ExperimentEventKinds
{
    public const string EpochCompleted = "epochCompleted";
    public const string StatusChanged = "statusChanged";
    public const string LogLine = "logLine";
}

public static class LogLevels
{
    public const string Info = "info";
    public const string Warning = "warning";
    public const string Error = "error";
}

/// <summary>
/// The NOTIFY payload: small on purpose (NOTIFY caps at 8000 bytes); listeners read the rows it names. A log line is
/// the one event whose text travels in the payload, cut to <see cref="MaxLogChars"/>, with its stored
/// <see cref="Sequence"/> (see <see cref="Logs.ExperimentLog"/>): a client that reloads the stored lines skips those it has.
/// </summary>
public sealed record ExperimentEvent(
    Guid ExperimentId, string Kind, int? Epoch = null, string? Status = null,
    string? Level = null, string? Text = null, DateTimeOffset? At = null, long? Sequence = null)
{
    /// <summary>Even if every character took 6 bytes of JSON (\uXXXX), the payload stays under 8000 bytes.</summary>
    public const int MaxLogChars = 1000;

    public static ExperimentEvent Log(Guid experimentId, string level, string text, DateTimeOffset at, long? sequence = null) =>
        new(experimentId, ExperimentEventKinds.LogLine, Level: level, Text: Cut(text), At: at, Sequence: sequence);

    /// <summary>The text as stored and sent: at most <see cref="MaxLogChars"/> characters.</summary>
    public static string Cut(string text) => text.Length <= MaxLogChars ? text : string.Concat(text.AsSpan(0, MaxLogChars - 1), "…");
}
