using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Cli.Online;

/// <summary>A failure the command reports in one line and exits non-zero with.</summary>
public class CliException(string message) : Exception(message);

/// <summary>The password given was the office's: the person must choose their own to sign in.</summary>
public sealed class PasswordChangeRequiredException(string message) : CliException(message);

/// <summary>The gateway's REST API with the stored sign-in; refreshes an expired token once, transparently.</summary>
public sealed class GatewayClient : IDisposable
{
    public const string DefaultGateway = "http://127.0.0.1:8080";

    private readonly HttpClient http;
    private Credentials? credentials;

    public GatewayClient(string? gateway)
    {
        credentials = CredentialStore.Load();
        var address = gateway ?? Environment.GetEnvironmentVariable("DUBAN_GATEWAY") ?? credentials?.Gateway ?? DefaultGateway;
        http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
        // How a person's sign-in history and sessions name this program.
        http.DefaultRequestHeaders.UserAgent.ParseAdd("platform-cli/1.0");
    }

    public Uri Gateway => http.BaseAddress!;

    /// <param name="newPassword">The person's own password, when the one given was the office's (a new account, a reset).</param>
    public async Task<Credentials> LoginAsync(string username, string password, CancellationToken cancellationToken, string? newPassword = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = username, ["password"] = password, ["client_id"] = "platform-cli",
        };
        if (newPassword is not null)
        {
            form["new_password"] = newPassword;
        }

        var body = await TokenAsync(form, cancellationToken);
        credentials = ToCredentials(username, body);
        CredentialStore.Save(credentials);
        return credentials;
    }

    public Task<JsonNode> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<JsonNode> PostAsync(string path, object body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<JsonNode> PatchAsync(string path, object body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Patch, path, body, cancellationToken);

    public void Dispose() => http.Dispose();

    public Task<JsonNode> SendDeleteAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, path, null, cancellationToken);

    /// <summary>A file the gateway generates (an export), as bytes.</summary>
    public Task<byte[]> DownloadAsync(string path, CancellationToken cancellationToken) => SendRawAsync(HttpMethod.Get, path, null, cancellationToken);

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var bytes = await SendRawAsync(method, path, body, cancellationToken);
        return bytes.Length == 0 ? new JsonObject() : JsonNode.Parse(bytes)!;
    }

    private async Task<byte[]> SendRawAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var token = await AccessTokenAsync(cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path.TrimStart('/'));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            using var response = await Send(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0 && credentials?.RefreshToken is not null)
            {
                token = await RefreshAsync(cancellationToken);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new CliException(Describe(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken)));
            }

            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
    }

    private async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        if (credentials is null || credentials.Gateway.TrimEnd('/') != Gateway.ToString().TrimEnd('/'))
        {
            throw new CliException($"not signed in to {Gateway.ToString().TrimEnd('/')}: run `platform login` first");
        }

        return credentials.ExpiresAt > DateTimeOffset.UtcNow.AddSeconds(30) ? credentials.AccessToken : await RefreshAsync(cancellationToken);
    }

    private async Task<string> RefreshAsync(CancellationToken cancellationToken)
    {
        if (credentials?.RefreshToken is null)
        {
            throw new CliException("the sign-in has expired: run `platform login` again");
        }

        try
        {
            var body = await TokenAsync(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token", ["refresh_token"] = credentials.RefreshToken, ["client_id"] = "platform-cli",
            }, cancellationToken);
            credentials = ToCredentials(credentials.Username, body);
            CredentialStore.Save(credentials);
            return credentials.AccessToken;
        }
        catch (CliException)
        {
            throw new CliException("the sign-in has expired: run `platform login` again");
        }
    }

    private async Task<JsonElement> TokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var response = await Send(new HttpRequestMessage(HttpMethod.Post, "connect/token") { Content = new FormUrlEncodedContent(form) }, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw text.Contains("\"password_change_required\"", StringComparison.Ordinal)
                ? new PasswordChangeRequiredException(Describe(response.StatusCode, text))
                : new CliException(Describe(response.StatusCode, text));
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<HttpResponseMessage> Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new CliException($"cannot reach the gateway at {Gateway}: {ex.Message}");
        }
    }

    private Credentials ToCredentials(string username, JsonElement body) => new(
        Gateway.ToString().TrimEnd('/'),
        username,
        body.GetProperty("access_token").GetString()!,
        body.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
        DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32()));

    /// <summary>One line from a problem-details or OAuth error body.</summary>
    private static string Describe(HttpStatusCode status, string body)
    {
        try
        {
            var json = JsonDocument.Parse(body).RootElement;
            if (json.TryGetProperty("detail", out var detail))
            {
                return $"{(int)status} {detail.GetString()}";
            }

            if (json.TryGetProperty("error_description", out var description))
            {
                return $"{(int)status} {description.GetString()}";
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the status alone.
        }

        return $"{(int)status} {status}";
    }
}
