using Microsoft.Extensions.Configuration;
using Platform.Gateway.Routing;

namespace Platform.Gateway.Tests;

/// <summary>
/// Which timeout each route gets: the default, the long one for files, the token endpoint's, none for streams.
/// </summary>
public sealed class RouteTimeoutPolicyTests
{
    private static readonly IReadOnlyDictionary<string, string?> Policies = Build();

    [Theory]
    [InlineData("/api/v1/units/{**rest}", GatewayTimeouts.DefaultPolicy)]
    [InlineData("/api/v1/task-lists:{verb}", GatewayTimeouts.DefaultPolicy)]
    [InlineData("/api/v1/task-lists:import", GatewayTimeouts.LongPolicy)]
    [InlineData("/api/v1/exports/{**rest}", GatewayTimeouts.LongPolicy)]
    [InlineData("/api/v1/evidence/{**rest}", GatewayTimeouts.LongPolicy)]
    [InlineData("/api/v1/reports/{**rest}", GatewayTimeouts.DefaultPolicy)]
    [InlineData("/connect/token", GatewayTimeouts.TokenPolicy)]
    [InlineData("/.well-known/{**rest}", GatewayTimeouts.DefaultPolicy)]
    [InlineData(
        "/{service:regex(^platform\\.notifications\\.v1\\.[A-Za-z]+$)}/{method}",
        GatewayTimeouts.DefaultPolicy)]
    [InlineData("/platform.notifications.v1.Inbox/WatchInbox", null)]
    [InlineData("/{**path}", GatewayTimeouts.PortalPolicy)]
    [InlineData("/inbox/events", null)]
    public void EachRouteNamesItsTimeout(string path, string? policy)
    {
        Assert.True(Policies.TryGetValue(path, out var actual), $"no route for {path}");
        Assert.Equal(policy, actual);
    }

    [Fact]
    public void ConfiguredTimeoutsAreReadAndDefaulted()
    {
        var timeouts =
            GatewayTimeouts.Read(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:Timeouts:Default"] = "00:00:07",
        }).Build());
        Assert.Equal(new GatewayTimeoutOptions(
            TimeSpan.FromSeconds(7),
            TimeSpan.FromSeconds(120),
            TimeSpan.FromSeconds(5),
            TimeSpan.FromSeconds(150)), timeouts);
    }

    private static IReadOnlyDictionary<string, string?> Build()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Services:Units:Http"] = "http://units",
            ["Services:Tasks:Http"] = "http://tasks",
            ["Services:Reporting:Http"] = "http://reporting",
            ["Services:Notifications:Grpc"] = "http://notifications",
            ["Services:Portal:Http"] = "http://portal",
        }).Build();
        return ServiceRoutes.Build(configuration).Routes.ToDictionary(r => r.Match.Path!, r => r.TimeoutPolicy);
    }
}
