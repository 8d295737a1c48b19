namespace PcDarts.Persistence.Identity;

/// <summary>The actions the audit log records, by name.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "login.succeeded";
    public const string LoginFailed = "login.failed";
    /// <summary>A refresh token was presented a second time: its sign-in is revoked (it may have been stolen).</summary>
    public const string RefreshReused = "login.refresh-reused";
    public const string ExperimentCreated = "experiment.created";
    public const string ExperimentCancelled = "experiment.cancelled";
    public const string ExperimentDeleted = "experiment.deleted";
    public const string StudyDeleted = "study.deleted";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string UserCreated = "user.created";
    public const string UserChanged = "user.changed";
    public const string DatasetRegistered = "dataset.registered";
    public const string DatasetChanged = "dataset.changed";
    public const string DatasetRemoved = "dataset.removed";
}

/// <summary>One line of the audit log: who (the email, or what was typed for a failed login) did what to what.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    /// <summary>What was acted on: an experiment or study id, a token id, a user's email.</summary>
    public string? Target { get; set; }
    public string? Detail { get; set; }
    public string? RemoteAddress { get; set; }
}
