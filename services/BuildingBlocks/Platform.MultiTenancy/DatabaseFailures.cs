using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.MultiTenancy;

/// <summary>
/// Tells a database that is unreachable or restarting (try again later) from a request or a message that can never
/// succeed. Callers answer the first with 503 / Unavailable, and consumers keep such a message until the database is
/// back instead of filing it as poison. Also what a failed save means (a unique key taken).
/// </summary>
public static class DatabaseFailures
{
    /// <summary>
    /// The save broke a unique index: another request stored the same key first (a second sign-up, a second signature,
    /// a name taken). Callers answer with a conflict, or retry once the other write is visible.
    /// </summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.UniqueViolationTable() is not null;

    /// <summary>The table whose unique index the save broke, or null when the failure is something else.</summary>
    public static string? UniqueViolationTable(this DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique
            ? unique.TableName ?? ""
            : null;

    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return IsTransientState(postgres.SqlState) || postgres.IsTransient;
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SocketException:
                case TimeoutException:
                case System.IO.EndOfStreamException:
                    return true;
                case NpgsqlException { InnerException: null }:
                    // "Exception while connecting", pool exhausted while the server restarts: no server error to judge.
                    return true;
            }
        }

        return false;
    }

    private static bool IsTransientState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
        || sqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
            or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
            or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            or PostgresErrorCodes.ObjectNotInPrerequisiteState // "database … is not currently accepting connections"
            or PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable;
}
