using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace PcDarts.Persistence.Events;

/// <summary>
/// Publishes <see cref="ExperimentEvent"/>s on the <see cref="Channel"/> channel with pg_notify. Called inside the
/// transaction that wrote the rows an event describes, PostgreSQL delivers it only if and when that transaction commits.
/// </summary>
public static class EventPublisher
{
    public const string Channel = "pcdarts_events";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(ExperimentEvent e) => JsonSerializer.Serialize(e, Json);
    public static ExperimentEvent? Deserialize(string payload) => JsonSerializer.Deserialize<ExperimentEvent>(payload, Json);

    public static void Publish(PcDartsDbContext db, ExperimentEvent e) =>
        db.Database.ExecuteSql($"SELECT pg_notify({Channel}, {Serialize(e)})");

    public static async Task PublishAsync(PcDartsDbContext db, ExperimentEvent e, CancellationToken cancellationToken = default) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {Serialize(e)})", cancellationToken);
}
