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
/// the one event that is not stored: its text travels in the payload, cut to <see cref="MaxLogChars"/>.
/// </summary>
public sealed record ExperimentEvent(
    Guid ExperimentId, string Kind, int? Epoch = null, string? Status = null,
    string? Level = null, string? Text = null, DateTimeOffset? At = null)
{
    /// <summary>Even if every character took 6 bytes of JSON (\uXXXX), the payload stays under 8000 bytes.</summary>
    public const int MaxLogChars = 1000;

    public static ExperimentEvent Log(Guid experimentId, string level, string text, DateTimeOffset at) =>
        new(experimentId, ExperimentEventKinds.LogLine, Level: level,
            Text: text.Length <= MaxLogChars ? text : string.Concat(text.AsSpan(0, MaxLogChars - 1), "…"), At: at);
}
