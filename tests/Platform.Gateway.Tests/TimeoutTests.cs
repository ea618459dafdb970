using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Contracts.Notifications.V1;
using Platform.Contracts.Units.V1;

namespace Platform.Gateway.Tests;

/// <summary>
/// A service that hangs costs a caller the route's timeout, not YARP's 100 s: 504 as problem details over REST,
/// DEADLINE_EXCEEDED over gRPC. Imports and exports wait longer; a server-streaming call is never cut.
/// </summary>
public sealed class TimeoutTests(TimeoutGatewayApp app) : IClassFixture<TimeoutGatewayApp>
{
    // Far below YARP's 100 s, far above the configured second: timing is not what these tests measure.
    private static readonly TimeSpan WellUnderYarpsDefault = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("GET", "/api/v1/units/hang", true)]
    [InlineData("GET", "/api/v1/tasks/slow", true)]
    [InlineData("POST", "/connect/token", false)]
    public async Task AHungServiceIsAnswered504AsProblemDetailsWithinTheRoutesTimeout(
        string method,
        string path,
        bool signedIn)
    {
        using var request = Request(new HttpMethod(method), path, signedIn);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" });
        }

        var clock = Stopwatch.StartNew();
        using var response = await app.Http.SendAsync(request);
        clock.Stop();

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.True(clock.Elapsed < WellUnderYarpsDefault, $"answered after {clock.Elapsed}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(504, problem.GetProperty("status").GetInt32());
        Assert.Equal("DEADLINE_EXCEEDED", problem.GetProperty("grpcStatus").GetString());
        Assert.Contains("1 s", problem.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task AnImportSlowerThanTheDefaultTimeoutStillSucceeds()
    {
        using var request = Request(HttpMethod.Post, "/api/v1/task-lists:import", signedIn: true);
        request.Content = new StringContent("{\"year\":2023}", Encoding.UTF8, "application/json");
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answered").GetBoolean());
    }

    [Fact]
    public async Task AnExportSlowerThanTheDefaultTimeoutStillSucceeds()
    {
        using var response =
            await app.Http.SendAsync(Request(HttpMethod.Get, "/api/v1/exports/ledger?period=2023-07", signedIn: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AServiceNobodyAnswersForIsUnavailableAsProblemDetails()
    {
        using var response = await app.Http.SendAsync(Request(HttpMethod.Get, "/api/v1/inbox", signedIn: true));
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            "UNAVAILABLE",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("grpcStatus").GetString());
    }

    [Fact]
    public async Task AGrpcUnaryCallToAHungServiceGetsDeadlineExceeded()
    {
        using var channel = Channel();
        var client = new UnitDirectory.UnitDirectoryClient(channel);
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<RpcException>(() => client.ListUnitsAsync(
            new ListUnitsRequest(),
            Headers()).ResponseAsync);
        clock.Stop();

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains("did not answer", error.Status.Detail);
        Assert.True(clock.Elapsed < WellUnderYarpsDefault, $"answered after {clock.Elapsed}");
    }

    [Fact]
    public async Task AServerStreamingCallOutlivesTheDefaultTimeout()
    {
        using var channel = Channel();
        var client = new Inbox.InboxClient(channel);
        using var watch = client.WatchInbox(new WatchInboxRequest(), Headers());
        var clock = Stopwatch.StartNew();
        var ids = new List<long>();
        await foreach (var notification in watch.ResponseStream.ReadAllAsync())
        {
            ids.Add(notification.Id);
        }

        clock.Stop();
        Assert.Equal(Enumerable.Range(1, TimeoutGatewayApp.StreamedMessages).Select(i => (long)i), ids);
        Assert.Equal(StatusCode.OK, watch.GetStatus().StatusCode);
        Assert.True(clock.Elapsed > TimeoutGatewayApp.DefaultTimeout * 2, $"the stream took only {clock.Elapsed}");
    }

    private HttpRequestMessage Request(HttpMethod method, string path, bool signedIn)
    {
        var request = new HttpRequestMessage(method, path);
        if (signedIn)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token());
        }

        return request;
    }

    private GrpcChannel Channel() =>
        GrpcChannel.ForAddress(app.BaseAddress, new GrpcChannelOptions { HttpHandler = app.Handler });

    private Metadata Headers() => new() { { "Authorization", "Bearer " + app.Token() } };
}
