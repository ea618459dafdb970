using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.MultiTenancy;

namespace Platform.ServiceDefaults.Time;

public static class ClockExtensions
{
    /// <summary>The system clock, or an <see cref="AdjustableClock"/> when Clock:Adjustable is true.</summary>
    public static void AddPlatformClock(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Clock:Adjustable"))
        {
            services.AddSingleton(TimeProvider.System);
            return;
        }

        var clock = new AdjustableClock();
        if (configuration["Clock:Start"] is { Length: > 0 } start)
        {
            clock.Set(DateTimeOffset.Parse(start, global::System.Globalization.CultureInfo.InvariantCulture));
        }

        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
    }

    /// <summary>
    /// GET/PUT /_clock on the service's own port (the gateway routes only /api and the token endpoints) when the clock
    /// is adjustable: reads or sets "now", then lets the service recompute what depends on it. Setting it moves every
    /// tenant's deadlines, so it takes a platform-admin token; the instant must be given and lie in 2000–2099.
    /// </summary>
    public static void MapClockControl(this WebApplication app)
    {
        if (app.Services.GetService<AdjustableClock>() is not { } clock)
        {
            return;
        }

        app.Logger.LogWarning(
            "The clock is adjustable (Clock:Adjustable=true) and reads {Now:O}: a demo or test stack, never production",
            clock.GetUtcNow());
        app.MapGet("/_clock", () => Results.Ok(new ClockState(clock.GetUtcNow()))).AllowAnonymous();
        app.MapPut(
            "/_clock", async (HttpRequest request, IServiceProvider services, CancellationToken cancellationToken) =>
        {
            // Read by hand: a body that is not JSON is the caller's mistake (400), not an unhandled binding failure.
            ClockState? state;
            try
            {
                state = await request.ReadFromJsonAsync<ClockState>(cancellationToken);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException)
            {
                state = null;
            }

            if (state?.Now is not { } now || now.Year is < 2000 or > 2099)
            {
                return Results.Problem(
                    title: "Invalid clock",
                    detail: "The body must be {\"now\": \"<ISO 8601 instant between 2000 and 2099>\"}.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            clock.Set(now);
            await using var scope = services.CreateAsyncScope();
            foreach (var handler in scope.ServiceProvider.GetServices<IClockChangeHandler>())
            {
                await handler.OnClockChangedAsync(cancellationToken);
            }

            return Results.Ok(new ClockState(clock.GetUtcNow()));
        }).RequireAuthorization(p => p.RequireRole(PlatformRoles.PlatformAdmin));
    }
}
