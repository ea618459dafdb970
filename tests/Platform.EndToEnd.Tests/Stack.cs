using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The running stack through its gateway only, as a district office, a municipal viewer or an integration would use
/// it: the demo accounts of deploy/local/up.sh (password "demo").
/// </summary>
public sealed class Stack : IDisposable
{
    public const string DemoPassword = "demo";

    private readonly Dictionary<string, string> tokens = [];

    public Stack()
    {
        Http = new HttpClient { BaseAddress = StackEndpoints.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        Channel = GrpcChannel.ForAddress(StackEndpoints.GatewayGrpc);
    }

    public HttpClient Http { get; }

    public GrpcChannel Channel { get; }

    public async Task<string> TokenAsync(string username)
    {
        if (tokens.TryGetValue(username, out var cached))
        {
            return cached;
        }

        var body = await TokenResponseAsync(new()
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = DemoPassword, ["client_id"] = "platform-cli",
        });
        return tokens[username] = body.GetProperty("access_token").GetString()!;
    }

    public async Task<JsonElement> TokenResponseAsync(Dictionary<string, string> form)
    {
        using var response = await Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token: {(int)response.StatusCode} {body}");
        return body;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : default;
        return (response.StatusCode, body, response);
    }

    public Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(string path, string? token) =>
        SendAsync(HttpMethod.Get, path, token);

    public Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostJsonAsync(string path, string? token, object body) =>
        SendAsync(HttpMethod.Post, path, token, JsonContent.Create(body));

    /// <summary>
    /// Waits until the reporting service's projection holds the district's published list: it arrives by event, a
    /// moment after the list is published.
    /// </summary>
    public async Task WaitForReportingAsync(string token)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var (status, dashboard, _) = await GetAsync("/api/v1/dashboards/district?period=2023-07", token);
            if (status == HttpStatusCode.OK && dashboard.GetProperty("total") is var total &&
                total.GetProperty("green").GetInt32() + total.GetProperty("yellow").GetInt32() + total.GetProperty("red").GetInt32() > 0)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail("the published list did not reach the reporting service within 30 s");
    }

    /// <summary>Sets a service's demo clock (PUT /_clock on its own port), which takes a platform-admin token.</summary>
    public async Task SetClockAsync(Uri clock, DateTimeOffset now)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, clock) { Content = JsonContent.Create(new { now }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await TokenAsync("platform.admin"));
        using var response = await Http.SendAsync(request);
        Xunit.Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static Metadata Bearer(string token) => new() { { "Authorization", "Bearer " + token } };

    public void Dispose()
    {
        Channel.Dispose();
        Http.Dispose();
    }
}
