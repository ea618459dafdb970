using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Platform.Benchmarks;

/// <summary>
/// Durable writes at the peak, measured on a running local stack (deploy/local/up.sh): report saves, submits and the
/// office's returns — three committed and flushed transactions per cycle of a report — through the gateway and straight
/// to the reporting service's REST port, in one run. The paths take turns in rounds (gateway first, then direct first,
/// …) so that whatever drifts on a shared machine hits both alike. Two modes: saturation, where every worker writes as
/// fast as it can (closed loop), and a fixed rate (--rate writes/s in all, open loop), where each write is timed from
/// when it was due rather than from when it went out, so that a stall counts against every write it held up instead of
/// hiding them (coordinated omission). Each worker owns its own reports: the reporter's unit's reports of every month of
/// the year that are not accepted (an accepted report can no longer change).
/// <para>
/// Run: dotnet run -c Release --project benchmarks/Platform.Benchmarks -- writes [--workers 8] [--seconds 15]
/// [--rate 200] [--rounds 3] [--warmup 3] [--gateway URL] [--direct URL]. The URLs default to the local stack's ports
/// (DUBAN_GATEWAY_HTTP_PORT, DUBAN_REPORTING_HTTP_PORT). The gateway limits each district to 100 requests/s; start the
/// stack with DUBAN_GATEWAY_TENANT_RATE=5000 or the limiter is what gets measured — its 429s are counted and named.
/// </para>
/// </summary>
public static class WritesLoad
{
    private const string Reporter = "yz.scj";
    private const string Office = "yz.admin";
    private const string Password = "demo";
    private const int Year = 2023;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private enum Step
    {
        Save,
        Submit,
        Return,
    }

    private enum Mode
    {
        Saturation,
        FixedRate,
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string? Text(string name) => HarnessOptions.Text(args, name);
        int Option(string name, int fallback) => HarnessOptions.Number(args, name, fallback);
        Uri Address(string name, string portVariable, string fallbackPort) =>
            new(Text(name) ?? $"http://127.0.0.1:{Environment.GetEnvironmentVariable(portVariable) ?? fallbackPort}");
        var workers = Option("--workers", 8);
        var seconds = Option("--seconds", 15);
        var rate = Option("--rate", 200);
        var rounds = Option("--rounds", 3);
        var warmup = Option("--warmup", 3);
        var gateway = Address("--gateway", "DUBAN_GATEWAY_HTTP_PORT", "8080");
        var direct = Address("--direct", "DUBAN_REPORTING_HTTP_PORT", "5121");

        using var gatewayClient = Client(gateway, workers);
        using var directClient = Client(direct, workers);
        var reporter = await SignInAsync(gatewayClient, Reporter);
        var office = await SignInAsync(gatewayClient, Office);
        var unit = Claim(reporter, "unit") ?? throw new InvalidOperationException($"{Reporter}'s token names no unit.");
        var reports = await WritableReportsAsync(gatewayClient, reporter, office, unit);
        if (reports.Count < workers)
        {
            Console.Error.WriteLine($"Only {reports.Count} writable reports of {Reporter}'s unit in {Year}; use at most that many workers.");
            return 1;
        }

        var owners = Enumerable.Range(0, workers)
            .Select(w => new Worker(reports.Where((_, i) => i % workers == w).ToList(), reporter, office, unit))
            .ToArray();
        var paths = new[] { ("gateway", gatewayClient), ("direct", directClient) };
        Console.WriteLine(
            $"Report writes (save, submit, return; each a flushed commit) of {reports.Count} reports, {workers} workers, " +
            $"{seconds} s per path and mode in {rounds} alternating rounds; gateway {gateway}, direct {direct}.");
        Console.WriteLine($"Load average before: {LoadAverage()}");

        foreach (var (_, client) in paths)
        {
            await RunAsync(client, owners, Mode.Saturation, rate, TimeSpan.FromSeconds(warmup), new Tally());
        }

        var results = new Dictionary<(string Path, Mode Mode), Tally>();
        foreach (var mode in new[] { Mode.Saturation, Mode.FixedRate })
        {
            foreach (var (name, _) in paths)
            {
                results[(name, mode)] = new Tally();
            }

            for (var round = 0; round < rounds; round++)
            {
                foreach (var (name, client) in round % 2 == 0 ? paths : Enumerable.Reverse(paths))
                {
                    await RunAsync(client, owners, mode, rate, TimeSpan.FromSeconds((double)seconds / rounds), results[(name, mode)]);
                }
            }
        }

        Console.WriteLine($"Load average after: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| path | mode | writes/s | p50 ms | p99 ms | non-2xx | saves/s |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var ((path, mode), tally) in results)
        {
            var label = mode == Mode.Saturation ? "saturation" : $"fixed {rate}/s";
            Console.WriteLine(
                $"| {path} | {label} | {tally.WritesPerSecond:N0} | {tally.Percentile(50):N1} | {tally.Percentile(99):N1} | " +
                $"{tally.Failures} | {tally.SavesPerSecond:N0} |");
        }

        Console.WriteLine();
        var ratio = results[("gateway", Mode.Saturation)].WritesPerSecond / results[("direct", Mode.Saturation)].WritesPerSecond;
        var added = results[("gateway", Mode.FixedRate)].Percentile(99) - results[("direct", Mode.FixedRate)].Percentile(99);
        Console.WriteLine($"gateway/direct throughput at saturation: {ratio:N2}");
        Console.WriteLine($"p99 added by the gateway at {rate} writes/s: {added:N1} ms");
        foreach (var ((path, mode), tally) in results)
        {
            if (mode == Mode.FixedRate && tally.WritesPerSecond < 0.95 * rate)
            {
                Console.WriteLine($"note: {path} did not keep up with {rate} writes/s ({tally.WritesPerSecond:N0}); its latencies include the backlog.");
            }

            foreach (var (status, count) in tally.Statuses.OrderBy(s => s.Key))
            {
                Console.WriteLine($"non-2xx {path} {mode}: {count} × {(status == 0 ? "no answer (connection error or timeout)" : status.ToString(CultureInfo.InvariantCulture))}");
            }
        }

        var limited = results.Values.Sum(t => t.Statuses.GetValueOrDefault((int)HttpStatusCode.TooManyRequests));
        if (limited > 0)
        {
            Console.WriteLine(
                $"WARNING: the gateway's per-district rate limit answered {limited} writes with 429: its figures measure the limiter, " +
                "not the gateway. Restart the stack with DUBAN_GATEWAY_TENANT_RATE=5000 (deploy/local/down.sh, then up.sh).");
        }

        return 0;
    }

    /// <summary>
    /// One slice of a path and mode: every worker writes until the slice ends, and the slice lasts until the last answer
    /// is in.
    /// </summary>
    private static async Task RunAsync(HttpClient client, Worker[] workers, Mode mode, int rate, TimeSpan length, Tally tally)
    {
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(length.TotalSeconds * Stopwatch.Frequency);
        var interval = workers.Length * Stopwatch.Frequency / (double)rate;
        await Task.WhenAll(workers.Select((worker, w) => Task.Run(async () =>
        {
            for (var k = 0; ; k++)
            {
                // At a fixed rate, worker w's writes are due at its own offset within every interval, so the total
                // rate is even. Nothing goes out once the slice has ended: a backlog shows as the rate's shortfall and in
                // the latencies of the writes that were sent, not as a slice that overruns.
                var due = mode == Mode.Saturation ? Stopwatch.GetTimestamp() : start + (long)((k + (double)w / workers.Length) * interval);
                if (due >= end || Stopwatch.GetTimestamp() >= end)
                {
                    return;
                }

                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                await worker.WriteAsync(client, due, tally);
            }
        })));
        tally.AddTime(Stopwatch.GetElapsedTime(start));
    }

    private static HttpClient Client(Uri address, int workers) => new(new SocketsHttpHandler
    {
        // A connection per worker and then some: no write waits for a connection of the harness's own.
        MaxConnectionsPerServer = workers * 2,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestVersion = HttpVersion.Version11,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    /// <summary>Signs in on the gateway's token endpoint, as the CLI does.</summary>
    private static async Task<string> SignInAsync(HttpClient gateway, string user)
    {
        using var response = await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "platform-cli", ["username"] = user, ["password"] = Password,
        }));
        await EnsureAsync(response, $"signing in as {user}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>A claim of the token's payload (the harness only reads what the gateway signed).</summary>
    private static string? Claim(string token, string name)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var claims = JsonDocument.Parse(Convert.FromBase64String(payload));
        return claims.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }

    /// <summary>
    /// The unit's reports of every period of the year that can still change, each brought to where a cycle starts: a
    /// submitted one is returned by the office first.
    /// </summary>
    private static async Task<List<Report>> WritableReportsAsync(HttpClient gateway, string reporter, string office, string unit)
    {
        var periods = await GetAsync(gateway, reporter, $"/api/v1/periods?year={Year}");
        var reports = new List<Report>();
        foreach (var period in periods.GetProperty("periods").EnumerateArray().Select(p => p.GetProperty("key").GetString()!))
        {
            var list = await GetAsync(gateway, reporter, $"/api/v1/reports?period={period}&unitId={unit}");
            foreach (var report in list.GetProperty("reports").EnumerateArray())
            {
                if (report.GetProperty("leadUnitId").GetString() != unit)
                {
                    continue;
                }

                var found = new Report(report.GetProperty("taskId").GetString()!, period);
                switch (Status(report))
                {
                    case "REPORT_STATUS_ACCEPTED":
                        continue;
                    case "REPORT_STATUS_SUBMITTED":
                        using (var returned = await SendAsync(gateway, found.Request(Step.Return, office, unit, 0)))
                        {
                            await EnsureAsync(returned, $"returning {found} before the run");
                        }

                        break;
                }

                reports.Add(found);
            }
        }

        return reports;
    }

    private static string Status(JsonElement report) =>
        report.TryGetProperty("status", out var status) ? status.GetString() ?? string.Empty : string.Empty;

    private static async Task<JsonElement> GetAsync(HttpClient client, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        await EnsureAsync(response, $"GET {path}");
        return JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(), Json);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        {
            return await client.SendAsync(request);
        }
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>A report of the reporter's unit and where its cycle stands: save, submit, then the office returns it.</summary>
    private sealed record Report(string TaskId, string Period)
    {
        public Step Next { get; set; }

        public HttpRequestMessage Request(Step step, string token, string unit, int cycle)
        {
            var (method, path, body) = step switch
            {
                Step.Save => (HttpMethod.Put, $"/api/v1/reports/{TaskId}/{Period}", (object)new
                {
                    progress = $"基准测试：本月按计划推进（第 {cycle} 轮）。", problems = string.Empty, effects = string.Empty, selfStatus = "SELF_STATUS_ON_TRACK",
                }),
                Step.Submit => (HttpMethod.Post, $"/api/v1/reports/{TaskId}/{Period}:submit", new { }),
                _ => (HttpMethod.Post, $"/api/v1/reports/{TaskId}/{Period}:return", new { comment = "基准测试：请补充本月数据。", leadUnitId = unit }),
            };
            var request = new HttpRequestMessage(method, path)
            {
                Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return request;
        }

        public override string ToString() => $"task {TaskId} {Period}";
    }

    /// <summary>
    /// A worker's own reports, written one cycle at a time. After a refusal it reads the report again and carries on from
    /// its actual state, so that one failure does not turn every later write of the report into another.
    /// </summary>
    private sealed class Worker(List<Report> reports, string reporter, string office, string unit)
    {
        private int current;
        private int cycle;

        public async Task WriteAsync(HttpClient client, long due, Tally tally)
        {
            var report = reports[current];
            var step = report.Next;
            var status = 0;
            try
            {
                using var response = await SendAsync(client, report.Request(step, step == Step.Return ? office : reporter, unit, cycle));
                await response.Content.LoadIntoBufferAsync();
                status = (int)response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // No answer: counted as such below.
            }

            tally.Add(step, status, Stopwatch.GetElapsedTime(due));
            if (status is >= 200 and < 300)
            {
                Advance(report, step);
            }
            else if (status is not (0 or (int)HttpStatusCode.TooManyRequests or >= 500))
            {
                await ResyncAsync(client, report);
            }
        }

        private void Advance(Report report, Step step)
        {
            report.Next = step switch { Step.Save => Step.Submit, Step.Submit => Step.Return, _ => Step.Save };
            if (report.Next == Step.Save)
            {
                current = (current + 1) % reports.Count;
                cycle += current == 0 ? 1 : 0;
            }
        }

        private async Task ResyncAsync(HttpClient client, Report report)
        {
            try
            {
                var state = await GetAsync(client, reporter, $"/api/v1/reports/{report.TaskId}/{report.Period}");
                report.Next = Status(state) == "REPORT_STATUS_SUBMITTED" ? Step.Return : Step.Save;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                // Unreadable just now: the same step is tried again.
            }
        }
    }

    /// <summary>What one path and mode did: the latency of every answered write, the refusals by status, the time spent.</summary>
    private sealed class Tally
    {
        private readonly List<double> latencies = [];
        private readonly Lock gate = new();
        private int saves;
        private TimeSpan elapsed;

        public Dictionary<int, int> Statuses { get; } = [];

        public int Failures => Statuses.Values.Sum();

        public double WritesPerSecond => latencies.Count / elapsed.TotalSeconds;

        public double SavesPerSecond => saves / elapsed.TotalSeconds;

        /// <summary>Latencies of the writes made (2xx): a fast refusal must not flatter a path.</summary>
        public double Percentile(int percentile)
        {
            if (latencies.Count == 0)
            {
                return double.NaN;
            }

            var sorted = latencies.Order().ToArray();
            var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
            return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
        }

        public void Add(Step step, int status, TimeSpan latency)
        {
            lock (gate)
            {
                if (status is >= 200 and < 300)
                {
                    latencies.Add(latency.TotalMilliseconds);
                    saves += step == Step.Save ? 1 : 0;
                }
                else
                {
                    Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
                }
            }
        }

        public void AddTime(TimeSpan time) => elapsed += time;
    }
}
