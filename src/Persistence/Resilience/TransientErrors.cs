using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PcDarts.Persistence.Resilience;

/// <summary>Which database errors mean "PostgreSQL is away for now, try again" rather than "this is wrong".</summary>
public static class TransientErrors
{
    /// <summary>unique_violation: the row is there already.</summary>
    public const string UniqueViolation = "23505";

    public static bool IsTransient(Exception e) => e switch
    {
        // EF's retrying strategy gave up: the outage outlasted its retries, not a reason to give up on the work.
        RetryLimitExceededException => true,
        NpgsqlException { IsTransient: true } => true,
        // A broken pooled socket after a restart surfaces as an IO or socket error wrapped in an NpgsqlException.
        NpgsqlException { InnerException: IOException or System.Net.Sockets.SocketException or TimeoutException } => true,
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" } => true,
        _ => e.InnerException is { } inner && IsTransient(inner),
    };

    public static bool IsUniqueViolation(Exception e) =>
        e is PostgresException { SqlState: UniqueViolation } || (e.InnerException is { } inner && IsUniqueViolation(inner));

    /// <summary>The pool had no connection to lend within its timeout: the database is busy, not broken.</summary>
    public static bool IsPoolExhausted(Exception e) =>
        e is NpgsqlException { InnerException: TimeoutException } && e.Message.Contains("pool", StringComparison.OrdinalIgnoreCase)
        || (e.InnerException is { } inner && IsPoolExhausted(inner));
}
