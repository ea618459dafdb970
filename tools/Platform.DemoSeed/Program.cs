using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

// Loads the local demo directory through the gateway's public API, as an operator and a district office would.
// Idempotent: what already exists is left as it is, so up.sh can run it on every start.
var options = ParseArguments(args);
var json = JsonNode.Parse(await File.ReadAllTextAsync(options.File))!.AsObject();
using var http = new HttpClient(new RetryWhenLimited()) { BaseAddress = new Uri(options.Gateway), Timeout = TimeSpan.FromSeconds(60) };
var created = 0;
var existing = 0;

var admin = await TokenAsync("platform.admin", options.AdminPassword);
foreach (var tenant in json["tenants"]!.AsArray())
{
    Count(await PostAsync(admin, "/api/v1/tenants", tenant!));
}

var accounts = json["accounts"]!.AsArray().Select(a => a!.AsObject()).ToList();
foreach (var account in accounts.Where(a => a["unit"] is null))
{
    Count(await PostAsync(admin, "/api/v1/accounts", WithPassword(account)));
}

var unitIds = new Dictionary<(string Tenant, string Name), string>();
foreach (var (tenantId, units) in json["units"]!.AsObject())
{
    var districtAdmin = accounts.First(a => (string?)a["tenantId"] == tenantId && a["roles"]!.AsArray().Any(r => (string?)r == "district-admin"));
    var token = await TokenAsync((string)districtAdmin["username"]!, options.AccountPassword);
    var known = await ListUnitsAsync(token);
    foreach (var unit in units!.AsArray().Select(u => u!.AsObject()))
    {
        var name = (string)unit["name"]!;
        var aliases = unit["aliases"]?.AsArray().Select(a => (string)a!).ToList() ?? [];
        if (known.TryGetValue(name, out var found))
        {
            existing++;
            foreach (var alias in aliases.Where(a => !found.Aliases.Contains(a)))
            {
                Count(await PostAsync(token, $"/api/v1/units/{found.Id}/aliases", new JsonObject { ["alias"] = alias }));
            }

            unitIds[(tenantId, name)] = found.Id;
            continue;
        }

        var body = new JsonObject
        {
            ["name"] = name,
            ["kind"] = (string?)unit["kind"] == "group" ? "UNIT_KIND_GROUP" : "UNIT_KIND_UNIT",
            ["aliases"] = new JsonArray(aliases.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
        };
        var response = await PostAsync(token, "/api/v1/units", body);
        Count(response);
        unitIds[(tenantId, name)] = (string)response.Body!["id"]!;
    }
}

foreach (var account in accounts.Where(a => a["unit"] is not null))
{
    var body = WithPassword(account);
    var unitName = (string)account["unit"]!;
    if (!unitIds.TryGetValue(((string)account["tenantId"]!, unitName), out var unitId))
    {
        throw new InvalidOperationException($"Account {account["username"]} names unit '{unitName}', which the demo directory does not define.");
    }

    body.Remove("unit");
    body["unitId"] = unitId;
    Count(await PostAsync(admin, "/api/v1/accounts", body));
}

foreach (var client in json["clients"]!.AsArray())
{
    Count(await PostAsync(admin, "/api/v1/clients", client!));
}

// Each district's annual list goes in as an office would load it: import the document, map what the directory does
// not know (the demo creates those units), publish.
foreach (var entry in json["taskLists"]?.AsArray() ?? [])
{
    var tenantId = (string)entry!["tenantId"]!;
    var year = (int)entry["year"]!;
    var districtAdmin = accounts.First(a => (string?)a["tenantId"] == tenantId && a["roles"]!.AsArray().Any(r => (string?)r == "district-admin"));
    var token = await TokenAsync((string)districtAdmin["username"]!, options.AccountPassword);
    if (await HasPublishedListAsync(token, year))
    {
        existing++;
        continue;
    }

    var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.File))!, (string)entry["file"]!);
    var imported = await PostAsync(token, "/api/v1/task-lists:import", new JsonObject
    {
        ["year"] = year,
        ["fileName"] = Path.GetFileName(file),
        ["content"] = Convert.ToBase64String(await File.ReadAllBytesAsync(file)),
    });
    var listId = (string)imported.Body!["taskList"]!["id"]!;
    foreach (var name in imported.Body["report"]!["unresolvedUnits"]?.AsArray() ?? [])
    {
        await PostAsync(token, $"/api/v1/task-lists/{listId}:map-unit", new JsonObject { ["printedName"] = (string)name!["printedName"]!, ["createUnit"] = true });
    }

    await PostAsync(token, $"/api/v1/task-lists/{listId}:publish", new JsonObject());
    Console.WriteLine($"Published the {year} list of {tenantId}: {imported.Body["report"]!["taskCount"]} tasks, {imported.Body["report"]!["warnings"]?.AsArray().Count ?? 0} warnings.");
    created++;
}

// Months of reports, on the reporting service's demo clock (only where it is adjustable: the local stack).
if (options.ReportingClock is { } reportingClock)
{
    var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
    var demo = new DemoReports(
        http,
        new Uri(reportingClock),
        admin,
        async user => tokens.TryGetValue(user, out var token) ? token : tokens[user] = await TokenAsync(user, options.AccountPassword),
        async account => Count(await PostAsync(admin, "/api/v1/accounts", WithPassword(account))));
    await demo.StartAsync();
    foreach (var entry in json["demoReports"]?.AsArray() ?? [])
    {
        var tenantId = (string)entry!["tenantId"]!;
        var districtAdmin = accounts.First(a => (string?)a["tenantId"] == tenantId && a["roles"]!.AsArray().Any(r => (string?)r == "district-admin"));
        var known = accounts.Where(a => (string?)a["tenantId"] == tenantId && a["unit"] is not null && a["roles"]!.AsArray().Any(r => (string?)r == "unit-reporter"))
            .ToDictionary(a => (string)a["unit"]!, a => (string)a["username"]!);
        if (await demo.SeedAsync(tenantId, (string)entry["accountPrefix"]!, (string)districtAdmin["username"]!, known, (bool?)entry["full"] ?? false))
        {
            Console.WriteLine($"Wrote demo reports of {tenantId}.");
            created++;
        }
        else
        {
            existing++;
        }
    }

    await demo.FinishAsync();
}

Console.WriteLine($"Demo data: {created} created, {existing} already present.");
return 0;

void Count(ApiResponse response)
{
    if (response.Status == HttpStatusCode.Conflict)
    {
        existing++;
    }
    else
    {
        created++;
    }
}

JsonObject WithPassword(JsonObject account)
{
    var body = account.DeepClone().AsObject();
    body["password"] = options.AccountPassword;
    return body;
}

async Task<string> TokenAsync(string username, string password)
{
    using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "password",
        ["username"] = username,
        ["password"] = password,
        ["client_id"] = "platform-cli",
    }));
    var body = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"Sign-in as {username} failed ({(int)response.StatusCode}): {body}");
    }

    return (string)JsonNode.Parse(body)!["access_token"]!;
}

async Task<ApiResponse> PostAsync(string token, string path, JsonNode body)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.Conflict)
    {
        throw new InvalidOperationException($"POST {path} failed ({(int)response.StatusCode}): {text}");
    }

    return new ApiResponse(response.StatusCode, response.IsSuccessStatusCode ? JsonNode.Parse(text) : null);
}

async Task<Dictionary<string, (string Id, List<string> Aliases)>> ListUnitsAsync(string token)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/units?pageSize=500");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    return body["units"]!.AsArray().ToDictionary(
        u => (string)u!["name"]!,
        u => ((string)u!["id"]!, u["aliases"]!.AsArray().Select(a => (string)a!).ToList()));
}

async Task<bool> HasPublishedListAsync(string token, int year)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/task-lists?year={year}");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    using var response = await http.SendAsync(request);
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"GET task lists failed ({(int)response.StatusCode}): {text}");
    }

    return JsonNode.Parse(text)!["taskLists"]?.AsArray().Any(l => (string?)l!["status"] == "TASK_LIST_STATUS_PUBLISHED") == true;
}

static SeedOptions ParseArguments(string[] args)
{
    string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    var file = Value("--file") ?? throw new ArgumentException("--file PATH is required (deploy/local/demo/directory.json)");
    return new SeedOptions(
        Value("--gateway") ?? "http://127.0.0.1:8080",
        file,
        Value("--admin-password") ?? throw new ArgumentException("--admin-password is required"),
        Value("--password") ?? "demo",
        Value("--reporting-clock"));
}

internal sealed record SeedOptions(string Gateway, string File, string AdminPassword, string AccountPassword, string? ReportingClock);

internal sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body);
