namespace PcDarts.Persistence.Events;

public static class ExperimentEventKinds
{
    public const string EpochCompleted = "epochCompleted";
    public const string StatusChanged = "statusChanged";
}

/// <summary>The NOTIFY payload: small on purpose (NOTIFY caps at 8000 bytes); listeners read the rows it names.</summary>
public sealed record ExperimentEvent(Guid ExperimentId, string Kind, int? Epoch = null, string? Status = null);
