using Google.Protobuf;
using Google.Protobuf.Reflection;
using Xunit.Abstractions;

namespace Platform.Fuzz.Tests;

/// <summary>
/// Every RPC of the contracts, through the gateway, over gRPC and over REST, with hostile input: each field in turn set to
/// each hostile value of its type, lists over the limit, seeded random combinations (DUBAN_FUZZ_ROUNDS per RPC and
/// protocol, DUBAN_FUZZ_SEED), and on the wire what no client library would send — broken frames, wrong wire types,
/// invalid UTF-8, nesting past the parser's limit, malformed JSON. The bar: no answer is a server fault (HTTP ≥ 500,
/// gRPC Unknown/Internal/DataLoss), and no host logs an unhandled exception.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class FuzzTests(FuzzTarget target, ITestOutputHelper output)
{
    [Fact]
    public void The_catalogue_has_every_service_of_the_contracts()
    {
        var services = RpcCatalogue.All.Select(r => r.Method.Service.FullName).Distinct().ToList();
        foreach (var package in new[] { "platform.units.v1", "platform.tasks.v1", "platform.reporting.v1", "platform.notifications.v1" })
        {
            Assert.Contains(services, s => s.StartsWith(package + ".", StringComparison.Ordinal));
        }

        Assert.True(RpcCatalogue.All.Count >= 40, $"only {RpcCatalogue.All.Count} RPCs found");
    }

    [Fact]
    public async Task No_hostile_message_makes_a_service_fail_over_grpc()
    {
        var faults = new List<string>();
        var cases = 0;
        foreach (var rpc in RpcCatalogue.All)
        {
            foreach (var (label, message) in Messages(rpc))
            {
                byte[] bytes;
                try
                {
                    bytes = message.ToByteArray();
                }
                catch (ArgumentException)
                {
                    continue;
                }

                foreach (var token in Callers(rpc))
                {
                    cases++;
                    var outcome = await target.Client.GrpcAsync(rpc, FuzzClient.Frame(bytes), token);
                    if (outcome.IsServerFault)
                    {
                        faults.Add($"{rpc} [{label}]: {outcome}");
                    }
                }
            }
        }

        Report("gRPC messages", cases, faults);
    }

    [Fact]
    public async Task No_broken_frame_makes_a_service_fail()
    {
        var faults = new List<string>();
        var cases = 0;
        foreach (var rpc in RpcCatalogue.All)
        {
            foreach (var (label, body, headers) in BrokenFrames(rpc.Method.InputType))
            {
                cases++;
                var outcome = await target.Client.GrpcAsync(rpc, body, target.OfficeToken, headers);
                // A field sent with another wire type is an unknown field to a proto3 parser, which skips it: accepting
                // that message is right. Every other broken frame must be refused.
                var mayBeAccepted = label.EndsWith("wrong wire type", StringComparison.Ordinal);
                if (outcome.IsServerFault || (outcome.Grpc == 0 && !mayBeAccepted))
                {
                    faults.Add($"{rpc} [{label}]: {outcome}");
                }
            }
        }

        Report("broken gRPC frames", cases, faults);
    }

    [Fact]
    public async Task No_hostile_request_makes_a_service_fail_over_rest()
    {
        var faults = new List<string>();
        var cases = 0;
        foreach (var rpc in RpcCatalogue.All.Where(r => r.Http is not null))
        {
            foreach (var (label, message) in Messages(rpc))
            {
                foreach (var token in Callers(rpc))
                {
                    cases++;
                    var outcome = await target.Client.RestAsync(rpc, message, token);
                    if (outcome.IsServerFault)
                    {
                        faults.Add($"{rpc} [{label}]: {outcome}");
                    }
                }
            }

            foreach (var (label, method, path, body) in BrokenRest(rpc))
            {
                cases++;
                var outcome = await target.Client.RestRawAsync(method, path, body, target.OfficeToken);
                if (outcome.IsServerFault)
                {
                    faults.Add($"{rpc} [{label}]: {outcome}");
                }
            }
        }

        Report("REST requests", cases, faults);
    }

    /// <summary>The endpoints that are not RPCs: evidence files, exports, the token endpoint, the operator's commands.</summary>
    [Fact]
    public async Task No_hostile_request_makes_a_plain_http_endpoint_fail()
    {
        var faults = new List<string>();
        var cases = 0;
        var task = Guid.NewGuid();
        async Task SendAsync(string label, HttpMethod method, string path, HttpContent? content, string? token)
        {
            cases++;
            var outcome = await target.Client.RawAsync(method, path, content, token);
            if (outcome.IsServerFault)
            {
                faults.Add($"{label}: {outcome}");
            }
        }

        foreach (var contentType in new[] { "multipart/form-data", "multipart/form-data; boundary=\"b\"", "multipart/form-data; boundary=" + new string('b', 200), "application/octet-stream" })
        {
            foreach (var body in new[] { "", "--b\r\n", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000.pdf\"\r\n\r\n%PDF-1.", "--b--" })
            {
                var content = new StringContent(body);
                content.Headers.Remove("Content-Type");
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                await SendAsync($"evidence {contentType} [{body.Length}]", HttpMethod.Post, $"/api/v1/evidence?task_id={task}&period=2023-07", content, target.OfficeToken);
            }
        }

        foreach (var value in FuzzValues.Strings.Where(v => v.Length < 1_000))
        {
            var escaped = Uri.EscapeDataString(value);
            // Written by hand: HttpClient's own multipart builder refuses such file names before sending them.
            var part = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(
                $"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{value}\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\r\n--b--\r\n"));
            part.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
            await SendAsync($"evidence?task_id={value}", HttpMethod.Post, $"/api/v1/evidence?task_id={escaped}&period={escaped}", part, target.OfficeToken);
            await SendAsync($"evidence/{value}", HttpMethod.Get, $"/api/v1/evidence/{escaped}x", null, target.OfficeToken);
            await SendAsync($"ledger?period={value}", HttpMethod.Get, $"/api/v1/exports/ledger?period={escaped}", null, target.OfficeToken);
            await SendAsync($"bulletin?period={value}", HttpMethod.Get, $"/api/v1/exports/bulletin?period={escaped}", null, target.OfficeToken);
            await SendAsync($"token username={value}", HttpMethod.Post, "/connect/token",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = value, ["username"] = value, ["password"] = value, ["client_id"] = value }), null);
            await SendAsync($"replay tenant={value}", HttpMethod.Post, "/api/v1/ops/tasks:replay",
                new StringContent($"{{\"tenant\": {System.Text.Json.JsonSerializer.Serialize(value)}}}", System.Text.Encoding.UTF8, "application/json"), target.AdminToken);
            await SendAsync($"redrive queue={value}", HttpMethod.Post, "/api/v1/ops/reporting/queues:redrive",
                new StringContent($"{{\"queue\": {System.Text.Json.JsonSerializer.Serialize(value)}}}", System.Text.Encoding.UTF8, "application/json"), target.AdminToken);
        }

        Report("plain HTTP requests", cases, faults);
    }

    private void Report(string what, int cases, List<string> faults)
    {
        var logged = target.FaultsLogged();
        output.WriteLine($"{cases} {what} over {RpcCatalogue.All.Count} RPCs (seed {FuzzTarget.Seed}, {FuzzTarget.RandomRounds} random rounds): " +
                         $"{faults.Count} server faults, {logged.Count} faults logged{(FuzzTarget.LogDirectory is null ? " (logs not checked: DUBAN_TEST_LOGS unset)" : string.Empty)}");
        Assert.True(faults.Count == 0, $"{faults.Count} of {cases} {what} ended in a server fault:\n" + string.Join('\n', faults.Take(40)));
        Assert.True(logged.Count == 0, $"the hosts logged {logged.Count} failures:\n" + string.Join('\n', logged.Take(40)));
    }

    /// <summary>The office of the fuzz district for every RPC; the platform admin too for the platform-level directories.</summary>
    private IEnumerable<string> Callers(Rpc rpc)
    {
        yield return target.OfficeToken;
        if (rpc.Method.Service.Name is "TenantDirectory" or "AccessDirectory")
        {
            yield return target.AdminToken;
        }
    }

    private static IEnumerable<(string Label, IMessage Message)> Messages(Rpc rpc)
    {
        foreach (var sweep in FuzzValues.Sweep(rpc.Method.InputType))
        {
            yield return sweep;
        }

        var random = new Random(FuzzTarget.Seed ^ rpc.ToString().GetHashCode(StringComparison.Ordinal));
        for (var i = 0; i < FuzzTarget.RandomRounds; i++)
        {
            yield return ($"random#{i}", FuzzValues.RandomMessage(rpc.Method.InputType, random));
        }
    }

    /// <summary>Frames and payloads no gRPC library would send.</summary>
    private static IEnumerable<(string Label, byte[] Body, IReadOnlyDictionary<string, string>? Headers)> BrokenFrames(MessageDescriptor type)
    {
        var garbage = FuzzValues.Random(64, 1);
        yield return ("garbage payload", FuzzClient.Frame(garbage), null);
        yield return ("length prefix too long", FuzzClient.Frame([0x0A, 0x01, 0x41], announcedLength: 100), null);
        yield return ("length prefix too short", FuzzClient.Frame([0x0A, 0x01, 0x41, 0x0A], announcedLength: 2), null);
        yield return ("two frames", [.. FuzzClient.Frame([]), .. FuzzClient.Frame([])], null);
        yield return ("three bytes", [0, 0, 0], null);
        yield return ("no body", [], null);
        yield return ("compression flag 7", FuzzClient.Frame([], compressed: 7), null);
        yield return ("compressed without encoding", FuzzClient.Frame([0x1F, 0x8B], compressed: 1), null);
        yield return ("compressed flag, encoding gzip, not gzip", FuzzClient.Frame(garbage, compressed: 1), new Dictionary<string, string> { ["grpc-encoding"] = "gzip" });
        yield return ("unknown encoding", FuzzClient.Frame(garbage, compressed: 1), new Dictionary<string, string> { ["grpc-encoding"] = "br" });
        yield return ("truncated varint", FuzzClient.Frame([0x08, 0xFF, 0xFF]), null);
        yield return ("field number 0", FuzzClient.Frame([0x00, 0x01]), null);
        yield return ("end-group without start", FuzzClient.Frame([0x0C]), null);
        yield return ("length past the end", FuzzClient.Frame([0x0A, 0x7F, 0x41]), null);
        yield return ("nested past the recursion limit", FuzzClient.Frame(DeepNesting(200)), null);
        foreach (var field in type.Fields.InDeclarationOrder())
        {
            var tag = field.FieldNumber << 3;
            if (field.FieldType is FieldType.String)
            {
                yield return ($"{field.JsonName}: invalid UTF-8", FuzzClient.Frame([.. Varint((uint)(tag | 2)), 0x03, 0xC3, 0x28, 0xFF]), null);
            }

            // A fixed64 where the field is length-delimited, or a length-delimited value where it is a number.
            var wrongWireType = field.FieldType is FieldType.String or FieldType.Bytes or FieldType.Message ? 1 : 2;
            byte[] payload = wrongWireType == 1 ? [.. Varint((uint)(tag | 1)), 1, 2, 3, 4, 5, 6, 7, 8] : [.. Varint((uint)(tag | 2)), 0x02, 0xFF, 0xFF];
            yield return ($"{field.JsonName}: wrong wire type", FuzzClient.Frame(payload), null);
        }
    }

    /// <summary>REST bodies and query strings that are not the method's JSON.</summary>
    private static IEnumerable<(string Label, HttpMethod Method, string Path, string? Body)> BrokenRest(Rpc rpc)
    {
        var (method, path, body) = FuzzClient.RestRequest(rpc, FuzzValues.New(rpc.Method.InputType));
        var bare = path.Split('?')[0];
        if (body is not null)
        {
            yield return ("invalid JSON", method, path, "{\"a\":");
            yield return ("array instead of object", method, path, "[1,2,3]");
            yield return ("deep nesting", method, path, new string('[', 5_000) + new string(']', 5_000));
            yield return ("number beyond double", method, path, "{\"x\": 1e400}");
            yield return ("NUL byte in the JSON text", method, path, "{\"a\u0000\": 1}");
            foreach (var field in rpc.Method.InputType.Fields.InDeclarationOrder())
            {
                yield return ($"{field.JsonName}: object for its value", method, path, $"{{\"{field.JsonName}\": {{\"a\": [1]}}}}");
                yield return ($"{field.JsonName}: lone surrogate", method, path, $"{{\"{field.JsonName}\": \"\\ud800x\"}}");
                yield return ($"{field.JsonName}: escaped NUL", method, path, $"{{\"{field.JsonName}\": \"市场\\u0000\"}}");
                yield return ($"{field.JsonName}: 1e400", method, path, $"{{\"{field.JsonName}\": 1e400}}");
            }
        }
        else
        {
            foreach (var field in rpc.Method.InputType.Fields.InDeclarationOrder())
            {
                yield return ($"{field.JsonName}=%00", method, $"{bare}?{field.JsonName}=%E5%B8%82%00", null);
                yield return ($"{field.JsonName}=%FF", method, $"{bare}?{field.JsonName}=%FF%FE", null);
                yield return ($"{field.JsonName}=abc", method, $"{bare}?{field.JsonName}=abc", null);
                yield return ($"{field.JsonName}=-5", method, $"{bare}?{field.JsonName}=-5", null);
                yield return ($"{field.JsonName}.x=1", method, $"{bare}?{field.JsonName}.x.y=1", null);
            }
        }

        yield return ("path with %00", method, bare.Replace("/x", "/%00", StringComparison.Ordinal) + "%00", body);
    }

    private static byte[] DeepNesting(int depth)
    {
        // Field 99 (unknown to every request), length-delimited, each holding the next: the parser must give up, not recurse forever.
        var inner = Array.Empty<byte>();
        for (var i = 0; i < depth; i++)
        {
            inner = [.. Varint((99 << 3) | 3), .. inner, .. Varint((99 << 3) | 4)];
        }

        return inner;
    }

    private static byte[] Varint(uint value)
    {
        var bytes = new List<byte>();
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
        return [.. bytes];
    }
}

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<FuzzTarget>
{
    public const string Name = "fuzz";
}
