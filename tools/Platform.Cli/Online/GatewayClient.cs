using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Cli.Online.Api;

namespace Platform.Cli.Online;

/// <summary>The gateway's REST API with the stored sign-in; refreshes an expired token once, transparently.</summary>
public sealed class GatewayClient : IDisposable
{
    public const string DefaultGateway = "http://127.0.0.1:8080";

    private readonly HttpClient http;
    private Credentials? credentials;

    public GatewayClient(string? gateway)
    {
        credentials = CredentialStore.Load();
        var address = gateway
            ?? Environment.GetEnvironmentVariable("DUBAN_GATEWAY")
            ?? credentials?.Gateway
            ?? DefaultGateway;
        http = new HttpClient { BaseAddress = new Uri(address.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
        // How a person's sign-in history and sessions name this program.
        http.DefaultRequestHeaders.UserAgent.ParseAdd("platform-cli/1.0");
    }

    public Uri Gateway => http.BaseAddress!;

    /// <param name="newPassword">
    /// The person's own password, when the one given was the office's (a new account, a reset).
    /// </param>
    public async Task<Credentials> LoginAsync(
        string username, string password, CancellationToken cancellationToken, string? newPassword = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = password,
            ["client_id"] = "platform-cli",
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

    public async Task<Answer<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        Typed<T>(await SendAsync(HttpMethod.Get, path, null, cancellationToken));

    public async Task<Answer<T>> PostAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        Typed<T>(await SendAsync(HttpMethod.Post, path, body, cancellationToken));

    public async Task<Answer<T>> PatchAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        Typed<T>(await SendAsync(HttpMethod.Patch, path, body, cancellationToken));

    /// <summary>A call whose answer only `--json` prints.</summary>
    public async Task<JsonNode> SendAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        var bytes = await SendRawAsync(method, path, body, cancellationToken);
        return bytes.Length == 0 ? new JsonObject() : JsonNode.Parse(bytes)!;
    }

    public void Dispose() => http.Dispose();

    /// <summary>A file the gateway generates (an export), as bytes.</summary>
    public Task<byte[]> DownloadAsync(string path, CancellationToken cancellationToken) =>
        SendRawAsync(HttpMethod.Get, path, null, cancellationToken);

    private static Answer<T> Typed<T>(JsonNode json) => new(ApiJson.To<T>(json), json);

    private async Task<byte[]> SendRawAsync(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken)
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
            if (response.StatusCode == HttpStatusCode.Unauthorized
                && attempt == 0
                && credentials?.RefreshToken is not null)
            {
                token = await RefreshAsync(cancellationToken);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var refusal = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new CliException(Describe(response.StatusCode, refusal));
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

        return credentials.ExpiresAt > DateTimeOffset.UtcNow.AddSeconds(30)
            ? credentials.AccessToken
            : await RefreshAsync(cancellationToken);
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
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = credentials.RefreshToken,
                ["client_id"] = "platform-cli",
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

    private async Task<TokenAnswer> TokenAsync(Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "connect/token")
        {
            Content = new FormUrlEncodedContent(form),
        };
        using var response = await Send(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw text.Contains("\"password_change_required\"", StringComparison.Ordinal)
                ? new PasswordChangeRequiredException(Describe(response.StatusCode, text))
                : new CliException(Describe(response.StatusCode, text));
        }

        return JsonSerializer.Deserialize<TokenAnswer>(text, ApiJson.Read)
            ?? throw new CliException("the token endpoint's answer is empty");
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

    private Credentials ToCredentials(string username, TokenAnswer body) => new(
        Gateway.ToString().TrimEnd('/'),
        username,
        body.AccessToken,
        body.RefreshToken,
        DateTimeOffset.UtcNow.AddSeconds(body.ExpiresIn));

    /// <summary>One line from a problem-details or OAuth error body.</summary>
    private static string Describe(HttpStatusCode status, string body)
    {
        try
        {
            if (JsonSerializer.Deserialize<ProblemAnswer>(body, ApiJson.Read) is { } problem
                && (problem.Detail ?? problem.ErrorDescription) is { } reason)
            {
                return $"{(int)status} {reason}";
            }
        }
        catch (JsonException)
        {
            // Not JSON: fall through to the status alone.
        }

        return $"{(int)status} {status}";
    }
}
