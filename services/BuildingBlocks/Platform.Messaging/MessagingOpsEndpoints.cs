using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.MultiTenancy;
using RabbitMQ.Client.Exceptions;

namespace Platform.Messaging;

/// <summary>
/// The operator's view of a service's messaging, for the platform admin only (routed by the gateway under
/// /api/v1/ops/{service}): <c>GET …/queues</c> (each queue's depth, its error and skipped queues) and
/// <c>POST …/queues:redrive</c> <c>{"queue": "…"}</c> (optional; all of them when absent).
/// </summary>
public static class MessagingOpsEndpoints
{
    public static RouteGroupBuilder MapMessagingOps(this IEndpointRouteBuilder app, string service)
    {
        var ops = app.MapGroup($"/api/v1/ops/{service}")
            .RequireAuthorization(p => p.RequireRole(PlatformRoles.PlatformAdmin));
        ops.MapGet("/queues", (ErrorQueues errorQueues, CancellationToken cancellationToken) =>
            OrUnavailable(
                async () => Results.Ok(new { service, queues = await errorQueues.DepthsAsync(cancellationToken) })));
        ops.MapPost(
            "/queues:redrive",
            (RedriveRequest? request, ErrorQueues errorQueues, CancellationToken cancellationToken) =>
            OrUnavailable(
                async () => Results.Ok(
                    new { service, moved = await errorQueues.RedriveAsync(request?.Queue, cancellationToken) })));
        return ops;
    }

    private static async Task<IResult> OrUnavailable(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (KeyNotFoundException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: ex.Message);
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or AlreadyClosedException
            or OperationInterruptedException or TimeoutException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable",
                detail: "The broker cannot be reached at the moment; nothing was moved. Try again shortly.");
        }
    }

    /// <summary>
    /// <c>POST /api/v1/ops/{service}:replay</c> <c>{"tenant": "500103"}</c> (optional; every tenant when absent),
    /// platform admin only: <paramref name="replay"/> enqueues the events of the service's current state on the outbox
    /// of
    /// <typeparamref name="TDbContext"/>, read as the platform, and answers what it published; they leave with the
    /// save.
    /// </summary>
    public static RouteHandlerBuilder MapReplay<TDbContext>(
        this IEndpointRouteBuilder app, string service,
        Func<TDbContext, IOutbox, string?, CancellationToken, Task<object>> replay)
        where TDbContext : Microsoft.EntityFrameworkCore.DbContext =>
        app.MapPost(
            $"/api/v1/ops/{service}:replay",
            async (
                ReplayRequest? request,
                TenantContext tenant,
                TDbContext db,
                IOutbox outbox,
                CancellationToken cancellationToken) =>
        {
            var only = request?.Tenant is { Length: > 0 } named ? named.Trim() : null;
            if (only is not null && !DivisionCode.IsValid(only))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid",
                    detail: "tenant: a division code of six digits (e.g. 500103), or absent for every tenant");
            }

            object replayed;
            using (tenant.AsSystem("event replay"))
            {
                replayed = await replay(db, outbox, only, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
            }

            return Results.Ok(new { service, replayed });
        }).RequireAuthorization(p => p.RequireRole(PlatformRoles.PlatformAdmin));
}
