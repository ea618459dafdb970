using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

/// <summary>
/// The gateway (and a service's demo clock) as the seed calls it: a bearer token per call, every answer read into its
/// record, and any refusal fails the seed with what was refused.
/// </summary>
internal sealed class SeedApi(HttpClient http)
{
    public async Task<string> TokenAsync(string username, string password)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = username,
            ["password"] = password,
            ["client_id"] = "platform-cli",
        });
        using var response = await http.PostAsync("/connect/token", form);
        return (await ReadAsync<SeedAnswers.Token>(response, $"Sign-in as {username}")).AccessToken;
    }

    public Task<T> GetAsync<T>(string token, string path) => SendAsync<T>(HttpMethod.Get, token, path, null);

    public Task<T> PostAsync<T>(string token, string path, object body) =>
        SendAsync<T>(HttpMethod.Post, token, path, body);

    public async Task<T> SendAsync<T>(HttpMethod method, string token, string path, object? body)
    {
        using var request = Request(method, token, path, body);
        using var response = await http.SendAsync(request);
        return await ReadAsync<T>(response, $"{method} {path}");
    }

    /// <summary>
    /// A POST that creates something once: null when it exists already (409), which keeps the seed idempotent.
    /// </summary>
    public async Task<T?> CreateAsync<T>(string token, string path, object body)
        where T : class
    {
        using var request = Request(HttpMethod.Post, token, path, body);
        using var response = await http.SendAsync(request);
        return response.StatusCode == HttpStatusCode.Conflict ? null : await ReadAsync<T>(response, $"POST {path}");
    }

    /// <summary>A request of its own making (a form upload, another host), with the bearer token.</summary>
    public async Task<T> SendAsync<T>(HttpRequestMessage request, string token, string what)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return await ReadAsync<T>(response, what);
    }

    private static HttpRequestMessage Request(HttpMethod method, string token, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} failed ({(int)response.StatusCode}): {text}");
        }

        return JsonSerializer.Deserialize<T>(text.Length == 0 ? "{}" : text, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{what}: the answer is empty");
    }
}
