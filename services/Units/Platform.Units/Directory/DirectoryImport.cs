using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.Units.Data;
using Platform.Units.Domain;
using Platform.Units.Grpc;
using Platform.Units.Identity;

namespace Platform.Units.Directory;

/// <summary>
/// Loads a district's units and people from the directory workbook (<see cref="DirectorySheet"/>): first a plan of
/// every row — created, already there (skipped), or its problems: a duplicate within the sheet, a name or alias
/// another unit has, an unknown group or unit, a look-alike of an existing unit (a warning), a bad username, role,
/// e-mail or mobile. Applying writes nothing unless no row has a problem, and then writes everything in one
/// transaction: the units with their aliases and group members, the accounts with one-time passwords, each with its
/// audit entry and event.
/// </summary>
public sealed class DirectoryImport(
    UnitsDbContext db,
    ITenantContext caller,
    IdentityOptions identity,
    TimeProvider clock)
{
    public const string Create = "create";
    public const string Exists = "exists";

    private static readonly Dictionary<string, string> RoleNames = new(StringComparer.Ordinal)
    {
        ["区营商办"] = PlatformRoles.DistrictAdmin,
        ["区督办室"] = PlatformRoles.DistrictAdmin,
        ["区督办室管理员"] = PlatformRoles.DistrictAdmin,
        ["区领导"] = PlatformRoles.DistrictLeader,
        ["牵头单位填报人"] = PlatformRoles.UnitReporter,
        ["责任单位填报人"] = PlatformRoles.UnitContributor,
        ["协办单位填报人"] = PlatformRoles.UnitContributor, ["单位负责人"] = PlatformRoles.UnitLeader,
    };

    private readonly List<(UnitRow Row, Unit Unit)> newUnits = [];
    private readonly List<(AccountRow Row, Account Account, string Password)> newAccounts = [];
    private readonly Dictionary<Guid, string> groupsBefore = [];

    public List<ImportRowPlan> Plan { get; } = [];

    public bool HasProblems => Plan.Any(p => p.Problems.Count > 0);

    public IReadOnlyList<(AccountRow Row, Account Account, string Password)> Accounts => newAccounts;

    public int UnitsToCreate => newUnits.Count;

    /// <summary>Plans the workbook's rows against the district's directory; nothing is written.</summary>
    public async Task PlanAsync(
        string tenantId,
        List<UnitRow> units,
        List<AccountRow> accounts,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Units
            .Include(u => u.Aliases)
            .Where(u => u.TenantId == tenantId)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var resolver = new UnitNameResolver(existing.Where(u => u.RetiredAt == null).ToList(), null, null);
        var byName = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var unit in existing)
        {
            byName.TryAdd(unit.NormalizedName, unit);
            foreach (var alias in unit.Aliases)
            {
                byName.TryAdd(alias.NormalizedAlias, unit);
            }
        }

        // Units first: a person's unit may be one the same workbook adds.
        var sheetNames = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in units)
        {
            var plan = new ImportRowPlan(DirectorySheet.UnitsSheet, row.Row, row.Name, Create, [], []);
            Plan.Add(plan);
            var kind = row.Kind switch
            {
                "" or "单位" or "unit" => UnitKind.Unit,
                "单位组" or "group" => UnitKind.Group,
                _ => (UnitKind?)null,
            };
            if (kind is null)
            {
                plan.Problems.Add($"类型“{row.Kind}”应为“单位”或“单位组”");
            }

            var normalized = UnitNames.Normalize(row.Name);
            if (UnitNames.Validate(row.Name) is { } invalid)
            {
                plan.Problems.Add($"名称{invalid}");
                continue;
            }

            if (byName.TryGetValue(normalized, out var known))
            {
                // Already in the directory (a workbook uploaded again): left as it is.
                plan = plan with { Action = Exists };
                Plan[^1] = plan;
                if (known.NormalizedName != normalized)
                {
                    plan.Warnings.Add($"这是现有单位“{known.Name}”的别名，未新建");
                }

                if (row.Aliases.Any(a => !known.Aliases.Any(x => x.NormalizedAlias == UnitNames.Normalize(a))
                    && UnitNames.Normalize(a) != known.NormalizedName))
                {
                    plan.Warnings.Add("现有单位的别名不变：新别名请在单位页面添加");
                }

                continue;
            }

            if (sheetNames.TryGetValue(normalized, out var first))
            {
                plan.Problems.Add($"与第 {first} 行重复");
            }

            foreach (var alias in row.Aliases)
            {
                var a = UnitNames.Normalize(alias);
                if (byName.TryGetValue(a, out var owner))
                {
                    plan.Problems.Add($"别名“{alias}”已属于现有单位“{owner.Name}”");
                }
                else if (sheetNames.TryGetValue(a, out var other))
                {
                    plan.Problems.Add($"别名“{alias}”与第 {other} 行重复");
                }
            }

            if (plan.Problems.Count == 0 && resolver.Resolve(row.Name).Suggestions.FirstOrDefault() is { } alike)
            {
                plan.Warnings.Add($"与现有单位“{alike.Name}”相似，请确认不是同一单位");
            }

            sheetNames.TryAdd(normalized, row.Row);
            foreach (var alias in row.Aliases)
            {
                sheetNames.TryAdd(UnitNames.Normalize(alias), row.Row);
            }

            if (plan.Problems.Count == 0)
            {
                try
                {
                    newUnits.Add((row, Unit.Create(tenantId, row.Name, kind!.Value, row.Aliases, now)));
                }
                catch (PlatformException ex)
                {
                    plan.Problems.Add(ex.Message);
                }
            }
        }

        var created = newUnits
            .SelectMany(u => u.Unit.Aliases.Select(a => a.NormalizedAlias).Prepend(u.Unit.NormalizedName)
                .Select(n => (n, u.Unit)))
            .GroupBy(x => x.n).ToDictionary(g => g.Key, g => g.First().Unit, StringComparer.Ordinal);
        Unit? Find(string name) =>
            byName.GetValueOrDefault(UnitNames.Normalize(name)) ?? created.GetValueOrDefault(UnitNames.Normalize(name));

        // Group memberships, once every unit of the sheet is known.
        foreach (var (row, unit) in newUnits.ToList())
        {
            var plan = Plan.First(p => p.Sheet == DirectorySheet.UnitsSheet && p.Row == row.Row);
            foreach (var groupName in row.Groups)
            {
                if (Find(groupName) is not { } group)
                {
                    plan.Problems.Add($"单位组“{groupName}”既不在本表中，也不是现有单位");
                }
                else if (group.Kind != UnitKind.Group)
                {
                    plan.Problems.Add($"“{group.Name}”是单位，不是单位组");
                }
                else if (group.RetiredAt is not null)
                {
                    plan.Problems.Add($"单位组“{group.Name}”已撤销");
                }
                else if (group.MemberIds.Count >= Unit.MaxMembers)
                {
                    plan.Problems.Add($"单位组“{group.Name}”已有 {Unit.MaxMembers} 个成员");
                }
                else
                {
                    groupsBefore.TryAdd(group.Id, UnitAuditEntry.Snapshot(group));
                    group.SetMembers([.. group.MemberIds, unit.Id], now);
                }
            }
        }

        var usernames = accounts.Select(a => a.Username.Trim().ToLowerInvariant()).ToList();
        var taken = (await db.Accounts.AsNoTracking()
            .Where(a => usernames.Contains(a.Username))
            .Select(a => a.Username)
            .ToListAsync(cancellationToken)).ToHashSet();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in accounts)
        {
            var plan = new ImportRowPlan(DirectorySheet.AccountsSheet, row.Row, row.Username, Create, [], []);
            Plan.Add(plan);
            Account? account = null;
            Check(plan, () =>
            {
                account = new Account
                {
                    Id = Guid.CreateVersion7(),
                    Username = AccessDirectoryService.NormalizedUsername(row.Username, "用户名"),
                    DisplayName = string.Empty,
                    TenantId = tenantId,
                    PasswordHash = string.Empty,
                    CreatedAt = now,
                };
            });
            if (account is null)
            {
                continue;
            }

            if (taken.Contains(account.Username))
            {
                plan = plan with { Action = Exists };
                Plan[^1] = plan;
                continue;
            }

            if (AccessDirectoryService.IsReserved(account.Username, identity))
            {
                plan.Problems.Add("此用户名不能使用，请换一个");
            }

            if (seen.TryGetValue(account.Username, out var first))
            {
                plan.Problems.Add($"用户名与第 {first} 行重复");
            }

            seen.TryAdd(account.Username, row.Row);
            Check(plan, () => { account.DisplayName = AccessDirectoryService.ValidDisplayName(row.DisplayName); });
            Check(plan, () => { account.Email = AccessDirectoryService.ValidEmail(row.Email); });
            Check(plan, () => { account.Mobile = AccessDirectoryService.ValidMobile(row.Mobile); });
            var roles = row.Roles.Select(r => RoleNames.GetValueOrDefault(r, r)).Distinct().ToList();
            Check(plan, () => AccessDirectoryService.ValidateRoles(roles, tenantId, byPlatformAdmin: false));
            account.Roles = roles;
            if (row.Unit.Length > 0)
            {
                var unit = Find(row.Unit);
                if (unit is null)
                {
                    plan.Problems.Add($"单位“{row.Unit}”既不在本表中，也不是现有单位");
                }
                else if (unit.RetiredAt is not null)
                {
                    plan.Problems.Add($"单位“{unit.Name}”已撤销，不再添加人员");
                }
                else
                {
                    account.UnitId = unit.Id;
                }
            }

            Check(plan, () => AccessDirectoryService.RequireUnitFor(roles, account.UnitId));
            if (plan.Problems.Count == 0)
            {
                var password = Secrets.NewInitialPassword();
                account.PasswordHash = Secrets.Hash(password);
                account.MustChangePassword = true;
                newAccounts.Add((row, account, password));
            }
        }
    }

    /// <summary>
    /// Adds what <see cref="PlanAsync"/> planned, each unit and account with its audit entry and event (<paramref
    /// name="recordUnit"/>: the unit, its action and its state before); the caller saves it all in one transaction.
    /// </summary>
    public void Stage(AccountChanges changes, Action<Unit, string, string?> recordUnit)
    {
        if (HasProblems)
        {
            throw new PreconditionException(
                $"{Plan.Count(p => p.Problems.Count > 0)} row(s) of the workbook have problems; nothing was " +
                "imported. Preview it, correct them and upload it again.");
        }

        var now = clock.GetUtcNow();
        foreach (var (_, unit) in newUnits)
        {
            db.Units.Add(unit);
            recordUnit(unit, UnitActions.Created, null);
        }

        foreach (var (id, before) in groupsBefore.Where(g => newUnits.All(u => u.Unit.Id != g.Key)))
        {
            recordUnit(db.Units.Local.Single(u => u.Id == id), UnitActions.MembersChanged, before);
        }

        foreach (var (_, account, _) in newAccounts)
        {
            db.Accounts.Add(account);
            changes.Created(account, caller.UserId ?? "system", now);
        }
    }

    private static void Check(ImportRowPlan plan, Action step)
    {
        try
        {
            step();
        }
        catch (PlatformException ex)
        {
            plan.Problems.Add(ex.Message);
        }
    }
}
