using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Platform.Chaos;

/// <summary>REST through the gateway as the demo accounts, plus the services' own /_clock and /health ports.</summary>
public sealed class Api(ChaosOptions options) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromSeconds(30), ConnectTimeout = TimeSpan.FromSeconds(3),
    })
    {
        BaseAddress = options.Gateway,
        // A request unanswered after this is ambiguous (it may have been applied): never counted as acknowledged.
        Timeout = TimeSpan.FromSeconds(10),
    };

    private readonly ConcurrentDictionary<string, string> tokens = new(StringComparer.Ordinal);

    public async Task<Outcome> SendAsync(
        string user, HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken = default)
    {
        string token;
        try
        {
            token = await TokenAsync(user, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            // No token, no request: nothing was sent.
            return new Outcome(false, true, 0, null, "sign-in failed: " + ex.Message);
        }

        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                tokens.TryRemove(user, out _);
            }

            // 4xx answers are refusals before any change (validation, precondition, rate limit, sign-in); 5xx may come
            // after the commit (a reply lost on the way back) and so stay ambiguous.
            return response.IsSuccessStatusCode
                ? new Outcome(true, false, status, text.Length == 0 ? null : JsonNode.Parse(text), string.Empty)
                : new Outcome(false, status is >= 400 and < 500, status, null, Shorten(text));
        }
        catch (Exception ex) when (Unanswered(ex, cancellationToken))
        {
            return new Outcome(false, false, 0, null, ex.GetType().Name + ": " + Shorten(ex.Message));
        }
    }

    public async Task<bool> HealthyAsync(Uri host, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var response = await http.GetAsync(new Uri(host, "/health"), timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (Unanswered(ex, cancellationToken))
        {
            return false;
        }
    }

    /// <summary>
    /// Sets a service's demo clock; the notifications service runs its supervision ladder before answering.
    /// </summary>
    public async Task SetClockAsync(Uri host, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(host, "/_clock"))
        {
            Content = JsonContent.Create(new { now }),
        };
        var token = await TokenAsync("platform.admin", cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonNode> GetAsync(string user, string path, CancellationToken cancellationToken)
    {
        var outcome = await SendAsync(user, HttpMethod.Get, path, null, cancellationToken);
        return outcome.Acknowledged ? outcome.Body! : throw new InvalidOperationException($"GET {path}: {outcome}");
    }

    private async Task<string> TokenAsync(string user, CancellationToken cancellationToken)
    {
        if (tokens.TryGetValue(user, out var token))
        {
            return token;
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "platform-cli",
            ["username"] = user,
            ["password"] = ChaosOptions.Password,
        });
        using var response = await http.PostAsync("/connect/token", form, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} {Shorten(text)}");
        }

        return tokens[user] = (string)JsonNode.Parse(text)!["access_token"]!;
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;

    public void Dispose() => http.Dispose();

    /// <summary>No answer came (a refused connection, a timeout), and not because the caller gave up.</summary>
    private static bool Unanswered(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested;
}
