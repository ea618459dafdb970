using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Platform.Testing;

namespace Platform.Fuzz.Tests;

/// <summary>What one request got back: an HTTP status, and for gRPC the grpc-status.</summary>
public sealed record Outcome(int Http, int? Grpc, string Detail)
{
    /// <summary>Unknown, Internal and DataLoss mean "the service failed", never "the caller's input was bad".</summary>
    public bool IsServerFault => Http >= 500 || Grpc is 2 or 13 or 15;

    public override string ToString() => Grpc is { } g ? $"HTTP {Http} grpc-status {g} {Detail}" : $"HTTP {Http} {Detail}";
}

/// <summary>
/// Raw requests to the gateway as an authorised caller: gRPC frames built byte by byte over HTTP/2 (so a broken frame
/// can be sent at all) and REST calls built from each method's HTTP mapping. A 429 (the gateway's rate limit) is waited
/// out and retried: it says nothing about the request.
/// </summary>
public sealed class FuzzClient : IDisposable
{
    private readonly HttpClient rest = new() { BaseAddress = StackEndpoints.Gateway, Timeout = TimeSpan.FromSeconds(60) };
    private readonly HttpClient grpc = new() { BaseAddress = StackEndpoints.GatewayGrpc, Timeout = TimeSpan.FromSeconds(60) };

    public int Requests { get; private set; }

    public async Task<string> TokenAsync(string username, string password)
    {
        using var response = await rest.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "platform-cli", ["username"] = username, ["password"] = password,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"sign-in of {username}: {(int)response.StatusCode} {body}");
        return body.GetProperty("access_token").GetString()!;
    }

    public async Task<JsonElement> PostJsonAsync(string path, string token, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await rest.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<JsonElement>(string.IsNullOrEmpty(text) ? "{}" : text) is var json && response.IsSuccessStatusCode
            ? json
            : throw new HttpRequestException($"POST {path}: {(int)response.StatusCode} {text}", null, response.StatusCode);
    }

    /// <summary>One message as a single gRPC frame.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message, byte compressed = 0, uint? announcedLength = null)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = compressed;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), announcedLength ?? (uint)message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public async Task<Outcome> GrpcAsync(Rpc rpc, byte[] body, string token, IReadOnlyDictionary<string, string>? headers = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var outcome = await SendGrpcAsync(rpc, body, token, headers);
            if (!IsRateLimited(outcome) || attempt == 10)
            {
                return outcome;
            }

            await Task.Delay(1_000);
        }
    }

    public async Task<Outcome> RestAsync(Rpc rpc, IMessage message, string token)
    {
        var (method, path, body) = RestRequest(rpc, message);
        return await RestRawAsync(method, path, body, token);
    }

    public async Task<Outcome> RestRawAsync(HttpMethod method, string path, string? json, string token)
    {
        for (var attempt = 0; ; attempt++)
        {
            var content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json");
            var outcome = await RawAsync(method, path, content, token);
            if (outcome.Http != 429 || attempt == 10)
            {
                return outcome;
            }

            await Task.Delay(1_000);
        }
    }

    /// <summary>Any HTTP request to the gateway, with or without a token.</summary>
    public async Task<Outcome> RawAsync(HttpMethod method, string path, HttpContent? content, string? token)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            Requests++;
            using var response = await rest.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new Outcome((int)response.StatusCode, null, text.Length > 300 ? text[..300] : text);
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(599, null, "transport: " + ex.Message);
        }
    }

    /// <summary>The REST form of a request: the verb and path of its http rule, path variables from the message, the rest in the body or the query.</summary>
    public static (HttpMethod Method, string Path, string? Body) RestRequest(Rpc rpc, IMessage message)
    {
        var rule = rpc.Http!;
        var (verb, template) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => (HttpMethod.Get, rule.Get),
            HttpRule.PatternOneofCase.Post => (HttpMethod.Post, rule.Post),
            HttpRule.PatternOneofCase.Put => (HttpMethod.Put, rule.Put),
            HttpRule.PatternOneofCase.Delete => (HttpMethod.Delete, rule.Delete),
            HttpRule.PatternOneofCase.Patch => (HttpMethod.Patch, rule.Patch),
            _ => throw new InvalidOperationException($"{rpc}: unsupported http rule {rule.PatternCase}"),
        };

        var json = JsonNode.Parse(JsonFormatter.Default.Format(message))!.AsObject();
        var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{([a-z_.]+)(=[^}]*)?\}", m =>
        {
            var name = m.Groups[1].Value;
            var field = message.Descriptor.FindFieldByName(name);
            var value = field is null ? null : field.Accessor.GetValue(message)?.ToString();
            if (field is not null)
            {
                json.Remove(field.JsonName);
            }

            return Uri.EscapeDataString(string.IsNullOrEmpty(value) ? "x" : value);
        });

        if (rule.Body == "*")
        {
            return (verb, path, json.ToJsonString());
        }

        if (rule.Body.Length > 0)
        {
            var field = message.Descriptor.FindFieldByName(rule.Body);
            var part = field is null ? null : json[field.JsonName];
            if (field is not null)
            {
                json.Remove(field.JsonName);
            }

            return (verb, path + Query(json), part?.ToJsonString() ?? "{}");
        }

        return (verb, path + Query(json), null);
    }

    private static string Query(JsonObject json)
    {
        var parts = new List<string>();
        void Add(string prefix, JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (k, v) in o)
                    {
                        Add($"{prefix}.{k}", v);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a.Take(50))
                    {
                        Add(prefix, item);
                    }

                    break;
                case JsonValue v:
                    var text = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
                    parts.Add($"{Uri.EscapeDataString(prefix.TrimStart('.'))}={Uri.EscapeDataString(text)}");
                    break;
            }
        }

        foreach (var (key, value) in json)
        {
            Add(key, value);
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    private static bool IsRateLimited(Outcome outcome) =>
        outcome.Http == 429 || (outcome.Grpc == 8 && outcome.Detail.Contains("rate limit", StringComparison.OrdinalIgnoreCase));

    private async Task<Outcome> SendGrpcAsync(Rpc rpc, byte[] body, string token, IReadOnlyDictionary<string, string>? headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, rpc.GrpcPath)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        Requests++;
        // A server stream accepted stays open (its headers may wait for the first message): 3 s without a status is a
        // healthy open stream. Anything else must answer within 30 s.
        using var cancel = new CancellationTokenSource(rpc.Method.IsServerStreaming ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(30));
        try
        {
            using var response = await grpc.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            if (Status(response.Headers) is { } early)
            {
                return new Outcome((int)response.StatusCode, early.Code, early.Message);
            }

            await using (var stream = await response.Content.ReadAsStreamAsync(cancel.Token))
            {
                await stream.CopyToAsync(Stream.Null, cancel.Token);
            }

            return Status(response.TrailingHeaders) is { } late
                ? new Outcome((int)response.StatusCode, late.Code, late.Message)
                : new Outcome(599, null, $"HTTP {(int)response.StatusCode} without a grpc-status");
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return rpc.Method.IsServerStreaming ? new Outcome(200, 0, "stream open") : new Outcome(599, null, "no answer within 30 s");
        }
        catch (HttpRequestException ex)
        {
            return new Outcome(599, null, "transport: " + ex.Message);
        }
    }

    private static (int Code, string Message)? Status(HttpHeaders headers) =>
        headers.TryGetValues("grpc-status", out var values) && int.TryParse(values.First(), out var code)
            ? (code, headers.TryGetValues("grpc-message", out var m) ? Uri.UnescapeDataString(m.First()) : string.Empty)
            : null;

    public void Dispose()
    {
        rest.Dispose();
        grpc.Dispose();
    }
}
