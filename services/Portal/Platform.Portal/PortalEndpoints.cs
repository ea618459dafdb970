using Grpc.Core;
using Platform.Portal.Api;
using Platform.Portal.Session;
using NotificationsV1 = Platform.Contracts.Notifications.V1;

namespace Platform.Portal;

/// <summary>What the pages link to that is not a page: downloads through the API, and the inbox's live count.</summary>
public static partial class PortalEndpoints
{
    public static void MapPortalEndpoints(this WebApplication app)
    {
        app.MapGet(
            "/exports/{kind:regex(^(ledger|bulletin)$)}",
            (string kind, string? period, PlatformApi api, HttpContext http) => ForwardAsync(
                api, http, $"api/v1/exports/{kind}?period={Uri.EscapeDataString(period ?? string.Empty)}"));
        app.MapGet(
            "/exports/{kind:regex(^(year|assessment)$)}",
            (string kind, int? year, PlatformApi api, HttpContext http) => ForwardAsync(
                api, http, $"api/v1/exports/{kind}?year={year}"));
        app.MapGet("/evidence/{id}", (string id, PlatformApi api, HttpContext http) =>
            ForwardAsync(api, http, $"api/v1/evidence/{Uri.EscapeDataString(id)}"));
        app.MapGet("/inbox/unread", async (PlatformApi api, CancellationToken cancellationToken) =>
        {
            var count = await api.Inbox.GetUnreadCountAsync(
                new NotificationsV1.GetUnreadCountRequest(), await api.AsPersonAsync(cancellationToken));
            return Results.Json(new { unread = count.Unread });
        }).AddEndpointFilter(RefusalFilter);
        app.MapGet("/inbox/events", StreamUnreadAsync);
    }

    /// <summary>Streams a file from the API to the browser, with the API's name and type; a refusal in words.</summary>
    private static async Task ForwardAsync(PlatformApi api, HttpContext http, string path)
    {
        try
        {
            using var response = await api.DownloadAsync(path, http.RequestAborted);
            http.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
            if (response.Content.Headers.ContentDisposition is { } disposition)
            {
                http.Response.Headers.ContentDisposition = disposition.ToString();
            }

            if (response.Content.Headers.ContentLength is { } length)
            {
                http.Response.ContentLength = length;
            }

            await response.Content.CopyToAsync(http.Response.Body, http.RequestAborted);
        }
        catch (SessionExpiredException)
        {
            http.Response.Redirect("/login?expired=1");
        }
        catch (ApiException ex)
        {
            http.Response.StatusCode = ex.Status is 400 or 403 or 404 ? ex.Status : 502;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(ex.Message, http.RequestAborted);
        }
    }

    /// <summary>
    /// Server-sent events with the unread count: once at once, then whenever the notification service pushes a new
    /// notification on its watch stream; a comment every 25 s keeps proxies from closing the connection.
    /// </summary>
    private static async Task StreamUnreadAsync(PlatformApi api, HttpContext http, ILoggerFactory loggers)
    {
        var cancellationToken = http.RequestAborted;
        CallOptions options;
        try
        {
            options = await api.AsPersonAsync(cancellationToken);
        }
        catch (SessionExpiredException)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // The watch outlives the per-call deadline: ask without one.
        options = options.WithDeadline(DateTime.MaxValue);
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await SendUnreadAsync(api, options, http, cancellationToken);

        using var watch = api.Inbox.WatchInbox(new NotificationsV1.WatchInboxRequest(), options);
        using var keepAlive = new PeriodicTimer(TimeSpan.FromSeconds(25));
        var next = watch.ResponseStream.MoveNext(cancellationToken);
        var tick = keepAlive.WaitForNextTickAsync(cancellationToken).AsTask();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var done = await Task.WhenAny(next, tick);
                if (done == tick)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await http.Response.Body.FlushAsync(cancellationToken);
                    tick = keepAlive.WaitForNextTickAsync(cancellationToken).AsTask();
                    continue;
                }

                if (!await next)
                {
                    return;
                }

                await SendUnreadAsync(api, options, http, cancellationToken);
                next = watch.ResponseStream.MoveNext(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser left: nothing to report.
        }
        catch (RpcException ex)
            when (ex.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
        {
            // The browser left while the watch was waiting.
        }
        catch (RpcException ex)
        {
            // The browser reconnects by itself (EventSource); the reason is logged for the operator.
            LogWatchEnded(loggers.CreateLogger("Platform.Portal.Inbox"), ex.Status.Detail);
        }
    }

    /// <summary>Asks the unread count (within 30 s, whatever the watch's deadline) and sends it as an event.</summary>
    private static async Task SendUnreadAsync(
        PlatformApi api, CallOptions options, HttpContext http, CancellationToken cancellationToken)
    {
        var count = await api.Inbox.GetUnreadCountAsync(
            new NotificationsV1.GetUnreadCountRequest(), options.WithDeadline(DateTime.UtcNow.AddSeconds(30)));
        await http.Response.WriteAsync($"event: unread\ndata: {count.Unread}\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    private static async ValueTask<object?> RefusalFilter(
        EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (SessionExpiredException)
        {
            return Results.Unauthorized();
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            return Results.Problem(ApiErrors.Describe(ex), statusCode: ApiErrors.HttpStatus(ex));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An inbox watch ended: {Reason}")]
    private static partial void LogWatchEnded(ILogger logger, string reason);
}
