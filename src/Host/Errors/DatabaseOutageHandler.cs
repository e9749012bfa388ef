using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Shizhu.Host.Errors;

/// <summary>
/// A database that cannot be reached (down, restarting, refusing connections, timing out) is the server's
/// passing trouble, not the caller's mistake and not a bug: it answers 503 with <c>Retry-After</c>, so clients
/// and proxies retry instead of reporting a failure (ADR 0023). Anything else is left to the other handlers.
/// </summary>
public sealed class DatabaseOutageHandler(IProblemDetailsService problems, ILogger<DatabaseOutageHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!IsOutage(exception)) return false;
        // Idle pooled connections to a server that went away are dead too; dropping them lets the first request
        // after the database returns succeed instead of failing once more on a stale connection.
        NpgsqlConnection.ClearAllPools();
        logger.LogWarning(exception, "The database is unavailable; {Method} {Path} answered 503", context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "服务暂时不可用",
            Detail = $"数据库暂时无法访问，请 {RetryAfterSeconds} 秒后重试。",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>True when some exception in the chain says the database could not be reached or answer in time.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg when IsUnavailable(pg.SqlState):
                case NpgsqlException { IsTransient: true }:
                case NpgsqlException npgsql when npgsql is not PostgresException:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                case DbException { IsTransient: true }:
                case TimeoutException:
                case SocketException:
                    return true;
            }
        }
        return false;
    }

    // 08: connection exception; 53: insufficient resources; 57P: operator intervention (shutdown, cannot
    // connect now); 55000: the database does not allow connections at the moment.
    private static bool IsUnavailable(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal)
        || state.StartsWith("57P", StringComparison.Ordinal) || state == "55000";
}
