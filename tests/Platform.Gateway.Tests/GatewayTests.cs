using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Contracts.Units.V1;
using Platform.Testing;

namespace Platform.Gateway.Tests;

public sealed class GatewayTests(GatewayApp app) : IClassFixture<GatewayApp>
{
    [Fact]
    public async Task AClientSentTenantHeaderNeverReachesAService()
    {
        using var request = app.Get("/api/v1/units/echo", app.Token("500101"));
        request.Headers.Add("X-Tenant-Id", "500103");
        request.Headers.Add("X-Tenant", "500103");
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var headers = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("headers");
        Assert.False(headers.TryGetProperty("x-tenant-id", out _));
        Assert.False(headers.TryGetProperty("x-tenant", out _));
        Assert.StartsWith("Bearer ", headers.GetProperty("authorization").GetString());
        Assert.True(headers.TryGetProperty("x-request-id", out _));
        Assert.True(response.Headers.Contains("X-Request-Id"));
    }

    [Fact]
    public async Task AServiceErrorReachesTheClientAsProblemDetails()
    {
        using var response = await app.Http.SendAsync(app.Get("/api/v1/units/missing", app.Token("500102")));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal("unit 'missing' was not found.", problem.GetProperty("detail").GetString());
        Assert.Equal("NOT_FOUND", problem.GetProperty("grpcStatus").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    [InlineData("foreign")]
    [InlineData("expired")]
    public async Task ApiCallsWithoutAValidTokenAreRefusedAtTheEdge(string? kind)
    {
        using var other = new TestTokens();
        var token = kind switch
        {
            "foreign" => other.Issue("500103", ["district-admin"], ["units.read"]),
            "expired" =>
                app.Tokens.Issue("500103", ["district-admin"], ["units.read"], lifetime: TimeSpan.FromMinutes(-5)),
            _ => kind,
        };
        using var response = await app.Http.SendAsync(app.Get("/api/v1/units/echo", token));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OneTenantOverItsRateLimitGets429WithRetryAfterWhileAnotherIsServed()
    {
        var busy = app.Token("500110");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? rejected = null;
        for (var i = 0; i < GatewayApp.TenantBurst * 3 && rejected is null; i++)
        {
            var response = await app.Http.SendAsync(app.Get("/api/v1/units/echo", busy));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                rejected = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(rejected);
        Assert.True(statuses.Count > GatewayApp.TenantBurst - 1, "the limit must allow the burst first");
        Assert.True(int.Parse(rejected.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(
            "The rate limit for this tenant was exceeded",
            (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        rejected.Dispose();

        using var quiet = await app.Http.SendAsync(app.Get("/api/v1/units/echo", app.Token("500111")));
        Assert.Equal(HttpStatusCode.OK, quiet.StatusCode);
    }

    [Fact]
    public async Task AGrpcCallerOverTheRateLimitGetsResourceExhausted()
    {
        using var channel =
            GrpcChannel.ForAddress(app.BaseAddress, new GrpcChannelOptions { HttpHandler = app.Handler });
        var client = new UnitDirectory.UnitDirectoryClient(channel);
        var headers = new Metadata { { "Authorization", "Bearer " + app.Token("500112") } };
        var codes = new List<StatusCode>();
        for (var i = 0; i < GatewayApp.TenantBurst * 3; i++)
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => client.ListUnitsAsync(
                new ListUnitsRequest(),
                headers).ResponseAsync);
            codes.Add(error.StatusCode);
            if (error.StatusCode == StatusCode.ResourceExhausted)
            {
                Assert.Contains("retry after", error.Status.Detail);
                return;
            }
        }

        Assert.Fail("no ResourceExhausted after exceeding the limit: " + string.Join(", ", codes));
    }

    [Fact]
    public async Task TheTokenEndpointIsLimitedPerAddressAndSaysSo()
    {
        var statuses = new List<HttpStatusCode>();
        string? detail = null;
        for (var i = 0; i < GatewayApp.AnonymousBurst * 3; i++)
        {
            using var response = await app.Http.PostAsync(
                "/connect/token",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password" }));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                detail ??= (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
            }
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);

        // An anonymous caller has no tenant: the answer names the bucket it drew from.
        Assert.StartsWith("Too many requests from this address; retry after", detail);
    }

    [Fact]
    public async Task AnOversizedApiBodyIs413BeforeAnyServiceSeesIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/units/echo")
        {
            Content =
                new StringContent("{\"name\":\"" + new string('a', 70_000) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token("500113"));
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(
            "limit",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnOversizedGrpcMessageIsResourceExhaustedBeforeAnyServiceSeesIt()
    {
        // gRPC goes through the same limit as REST: a 70 kB CreateUnit is refused at the gateway (limit 64 KiB here).
        var body = new byte[70_000];
        body[4] = 0x01;
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            "/platform.units.v1.UnitDirectory/CreateUnit") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token("500116"));
        using var response = await app.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("8", response.Headers.GetValues("grpc-status").Single());
        Assert.Contains(
            "limit",
            Uri.UnescapeDataString(response.Headers.GetValues("grpc-message").Single()),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheApiReferenceIsServedFromTheGatewayWithoutSignIn()
    {
        using var page = await app.Http.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("https://", await page.Content.ReadAsStringAsync());
        Assert.Contains("/openapi/units.json", await app.Http.GetStringAsync("/api-docs/index.js"));
    }

    [Fact]
    public async Task DocumentImportsMayBeLargerThanOtherCallsButAreLimitedToo()
    {
        async Task<HttpStatusCode> PostAsync(int size)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/task-lists:import")
            {
                Content = new StringContent(
                    "{\"content\":\"" + new string('A', size) + "\"}",
                    Encoding.UTF8,
                    "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Token("500115"));
            using var response = await app.Http.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await PostAsync(100_000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, await PostAsync(300_000));
    }

    [Fact]
    public async Task UnknownPathsAreNotProxied()
    {
        using var response = await app.Http.SendAsync(app.Get("/api/v1/secrets", app.Token("500114")));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
