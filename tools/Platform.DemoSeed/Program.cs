using Platform.MultiTenancy;

// Loads the local demo directory through the gateway's public API, as an operator and a district office would.
// Idempotent: what already exists is left as it is, so up.sh can run it on every start.
var options = SeedOptions.Parse(args);
var directory = await DemoDirectory.ReadAsync(options.File);
using var http = new HttpClient(new RetryWhenLimited())
{
    BaseAddress = new Uri(options.Gateway), Timeout = TimeSpan.FromSeconds(60),
};
var api = new SeedApi(http);
var created = 0;
var existing = 0;

var admin = await api.TokenAsync("platform.admin", options.AdminPassword);
foreach (var tenant in directory.Tenants)
{
    Count(await api.CreateAsync<SeedAnswers.Ignored>(admin, "/api/v1/tenants", tenant));
}

foreach (var account in directory.Accounts.Where(a => a.Unit is null))
{
    await CreateAccountAsync(account.Username, account.DisplayName, account.TenantId, account.Roles, null);
}

var unitIds = new Dictionary<(string Tenant, string Name), string>();
foreach (var (tenantId, units) in directory.Units)
{
    var token = await DistrictTokenAsync(tenantId);
    var known = (await api.GetAsync<SeedAnswers.UnitList>(token, "/api/v1/units?pageSize=500")).Units
        .ToDictionary(u => u.Name);
    foreach (var unit in units)
    {
        if (known.TryGetValue(unit.Name, out var found))
        {
            existing++;
            foreach (var alias in unit.Aliases.Where(a => !found.Aliases.Contains(a)))
            {
                Count(await api.CreateAsync<SeedAnswers.Unit>(
                    token, $"/api/v1/units/{found.Id}/aliases", new { alias }));
            }

            unitIds[(tenantId, unit.Name)] = found.Id;
            continue;
        }

        var body = new
        {
            name = unit.Name,
            kind = unit.Kind == "group" ? "UNIT_KIND_GROUP" : "UNIT_KIND_UNIT",
            aliases = unit.Aliases,
        };
        var added = Count(await api.CreateAsync<SeedAnswers.Unit>(token, "/api/v1/units", body))
            ?? throw new InvalidOperationException($"The unit '{unit.Name}' of {tenantId} exists, but was not listed.");
        unitIds[(tenantId, unit.Name)] = added.Id;
    }
}

foreach (var account in directory.Accounts.Where(a => a.Unit is not null))
{
    if (!unitIds.TryGetValue((account.TenantId, account.Unit!), out var unitId))
    {
        throw new InvalidOperationException(
            $"Account {account.Username} names unit '{account.Unit}', which the demo directory does not define.");
    }

    await CreateAccountAsync(account.Username, account.DisplayName, account.TenantId, account.Roles, unitId);
}

foreach (var client in directory.Clients)
{
    Count(await api.CreateAsync<SeedAnswers.Ignored>(admin, "/api/v1/clients", client));
}

// Each district's annual list goes in as an office would load it: import the document, map what the directory does
// not know (the demo creates those units), publish.
foreach (var entry in directory.TaskLists)
{
    var token = await DistrictTokenAsync(entry.TenantId);
    var lists = await api.GetAsync<SeedAnswers.TaskListPage>(token, $"/api/v1/task-lists?year={entry.Year}");
    if (lists.TaskLists.Any(l => l.Status == SeedAnswers.Published))
    {
        existing++;
        continue;
    }

    var file = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(options.File))!, entry.File);
    var imported = await api.PostAsync<SeedAnswers.Imported>(token, "/api/v1/task-lists:import", new
    {
        year = entry.Year,
        fileName = Path.GetFileName(file),
        content = Convert.ToBase64String(await File.ReadAllBytesAsync(file)),
    });
    var listId = imported.TaskList.Id;
    foreach (var name in imported.Report.UnresolvedUnits)
    {
        await api.CreateAsync<SeedAnswers.Ignored>(
            token, $"/api/v1/task-lists/{listId}:map-unit", new { printedName = name.PrintedName, createUnit = true });
    }

    await api.CreateAsync<SeedAnswers.Ignored>(token, $"/api/v1/task-lists/{listId}:publish", new { });
    Console.WriteLine(
        $"Published the {entry.Year} list of {entry.TenantId}: {imported.Report.TaskCount} tasks, "
        + $"{imported.Report.Warnings.Count} warnings.");
    created++;
}

// Months of reports, on the reporting service's demo clock (only where it is adjustable: the local stack).
if (options.ReportingClock is { } reportingClock)
{
    var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
    var demo = new DemoReports(
        api,
        new Uri(reportingClock),
        admin,
        async user => tokens.TryGetValue(user, out var token)
            ? token
            : tokens[user] = await api.TokenAsync(user, options.AccountPassword),
        reporter => CreateAccountAsync(
            reporter.Username, reporter.DisplayName, reporter.TenantId, [PlatformRoles.UnitReporter], reporter.UnitId));
    await demo.StartAsync();
    foreach (var entry in directory.DemoReports)
    {
        var known = directory.Accounts
            .Where(a => a.TenantId == entry.TenantId
                && a.Unit is not null
                && a.Roles.Contains(PlatformRoles.UnitReporter))
            .ToDictionary(a => a.Unit!, a => a.Username);
        var districtAdmin = directory.DistrictAdmin(entry.TenantId).Username;
        if (await demo.SeedAsync(entry.TenantId, entry.AccountPrefix, districtAdmin, known, entry.Full))
        {
            Console.WriteLine($"Wrote demo reports of {entry.TenantId}.");
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

// Something the seed posts once: counted as created, or as already present (409).
T? Count<T>(T? answer)
{
    if (answer is null)
    {
        existing++;
    }
    else
    {
        created++;
    }

    return answer;
}

// Every demo account is created by the platform administrator, with the seed's password (none is a one-time one).
async Task CreateAccountAsync(
    string username, string displayName, string tenantId, IReadOnlyList<string> roles, string? unitId) =>
    Count(await api.CreateAsync<SeedAnswers.Ignored>(
        admin,
        "/api/v1/accounts",
        new AccountRequest(username, displayName, tenantId, roles, options.AccountPassword, unitId)));

async Task<string> DistrictTokenAsync(string tenantId) =>
    await api.TokenAsync(directory.DistrictAdmin(tenantId).Username, options.AccountPassword);
