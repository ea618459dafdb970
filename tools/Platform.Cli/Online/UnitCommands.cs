using Platform.Cli.Online.Api;
using static Platform.Cli.Online.Answers;

namespace Platform.Cli.Online;

/// <summary>
/// The district office's unit directory: add, rename, aliases, retire and reinstate, merge, the audit, and the
/// directory workbook.
/// </summary>
public static class UnitCommands
{
    public static Task<int> UnitsAsync(
        OnlineCall call, string action, string? target, string? name, string? into, IReadOnlyList<string> aliases,
        bool group) =>
        OnlineCommands.Run(call, client => action switch
        {
            "list" => ListAsync(call, client),
            "create" => CreateAsync(call, client, target, aliases, group),
            "rename" => RenameAsync(call, client, target, name),
            "alias-add" or "alias-remove" => AliasesAsync(call, client, action, target, aliases),
            "retire" or "reinstate" => SwitchAsync(call, client, action, target),
            "merge" => MergeAsync(call, client, target, into),
            "audit" => AuditAsync(call, client, target),
            _ => throw new CliException(
                $"unknown action '{action}': use list, create, rename, alias-add, alias-remove, retire, reinstate, "
                + "merge or audit"),
        });

    /// <summary>
    /// `platform directory template -o FILE`, `platform directory import FILE [--apply] [-o PASSWORDS.xlsx]`: the
    /// directory workbook; an import is previewed (every row's problems) unless --apply is given.
    /// </summary>
    public static Task<int> DirectoryAsync(
        OnlineCall call, string action, string? file, bool apply, string? outputFile) =>
        OnlineCommands.Run(call, client => action switch
        {
            "template" => TemplateAsync(call, client, outputFile ?? file),
            "import" => ImportAsync(call, client, file, apply, outputFile),
            _ => throw new CliException($"unknown action '{action}': use template or import"),
        });

    private static async Task ListAsync(OnlineCall call, GatewayClient client)
    {
        var list = await client.GetAsync<UnitsApi.UnitList>("/api/v1/units?pageSize=500", call.CancellationToken);
        Print(call, list, l => TextTable.Render(
            ["名称 name", "别名 aliases", "类型 kind", "状态 state", "id"],
            l.Units.Select(u => (IReadOnlyList<string>)
            [
                u.Name,
                string.Join("、", u.Aliases),
                u.Kind == UnitsApi.GroupKind ? "单位组 group" : "单位 unit",
                u.RetiredAt is null ? "在用 active" : u.MergedIntoId.Length == 0 ? "已撤销 retired" : "已合并 merged",
                u.Id,
            ])));
    }

    private static async Task CreateAsync(
        OnlineCall call, GatewayClient client, string? target, IReadOnlyList<string> aliases, bool group)
    {
        var body = new
        {
            name = target ?? throw new CliException("create needs the unit's NAME"),
            aliases,
            kind = group ? UnitsApi.GroupKind : "UNIT_KIND_UNIT",
        };
        var created = await client.PostAsync<UnitsApi.Unit>("/api/v1/units", body, call.CancellationToken);
        Print(call, created, u => $"已添加 Created {u.Name} ({u.Id}).");
    }

    private static async Task RenameAsync(OnlineCall call, GatewayClient client, string? target, string? name)
    {
        var id = await ResolveAsync(call, client, target);
        var renamed = await client.PostAsync<UnitsApi.Unit>(
            $"/api/v1/units/{id}:rename",
            new { name = name ?? throw new CliException("rename needs --name NEW_NAME") },
            call.CancellationToken);
        Print(call, renamed, u => $"已更名 Renamed to {u.Name}; the old name stays an alias.");
    }

    private static async Task AliasesAsync(
        OnlineCall call, GatewayClient client, string action, string? target, IReadOnlyList<string> aliases)
    {
        var id = await ResolveAsync(call, client, target);
        if (aliases.Count == 0)
        {
            throw new CliException($"{action} needs --alias NAME");
        }

        Answer<UnitsApi.Unit>? unit = null;
        foreach (var alias in aliases)
        {
            var path = action == "alias-add" ? $"/api/v1/units/{id}/aliases" : $"/api/v1/units/{id}:removeAlias";
            unit = await client.PostAsync<UnitsApi.Unit>(path, new { alias }, call.CancellationToken);
        }

        Print(call, unit!, u => $"{u.Name}: 别名 aliases {string.Join("、", u.Aliases)}");
    }

    private static async Task SwitchAsync(OnlineCall call, GatewayClient client, string action, string? target)
    {
        var id = await ResolveAsync(call, client, target);
        await ActAsync<UnitsApi.Unit>(call, client, $"/api/v1/units/{id}:{action}", u => action == "retire"
            ? $"已撤销 Retired {u.Name}: it takes no new task, person or name resolution; its history stays."
            : $"已恢复 Reinstated {u.Name}.");
    }

    private static async Task MergeAsync(OnlineCall call, GatewayClient client, string? target, string? into)
    {
        var id = await ResolveAsync(call, client, target);
        var intoId = await ResolveAsync(
            call, client, into ?? throw new CliException("merge needs --into OTHER: the unit that takes it over"));
        var merged = await client.PostAsync<UnitsApi.Merge>(
            $"/api/v1/units/{id}:merge", new { intoId }, call.CancellationToken);
        Print(call, merged, m =>
            $"已合并 Merged {m.Unit.Name} into {m.Into.Name}: {m.OpenTasksMoved} open task(s), "
            + $"{m.AccountsMoved} person(s) and {m.GroupsChanged} group(s) moved; its names are now aliases of "
            + $"{m.Into.Name}. Reports, requests and what it owed follow within moments.");
    }

    private static async Task AuditAsync(OnlineCall call, GatewayClient client, string? target)
    {
        var query = target is null ? string.Empty : "?unitId=" + await ResolveAsync(call, client, target);
        await PrintAuditAsync(call, client, "/api/v1/units/audit" + query, "单位 unit", e => e.UnitName);
    }

    private static async Task TemplateAsync(OnlineCall call, GatewayClient client, string? file)
    {
        var path = file ?? throw new CliException("template needs -o FILE.xlsx");
        var template = await client.GetAsync<UnitsApi.Workbook>(
            "/api/v1/units/import-template", call.CancellationToken);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(template.Value.Content), call.CancellationToken);
        call.Output.WriteLine(
            $"已保存 Saved the template to {path}: fill in the 单位 and 人员 sheets, "
            + $"then `platform directory import {path}`.");
    }

    private static async Task ImportAsync(
        OnlineCall call, GatewayClient client, string? file, bool apply, string? outputFile)
    {
        var path = file ?? throw new CliException("import needs the workbook FILE.xlsx");
        var content = Convert.ToBase64String(await File.ReadAllBytesAsync(path, call.CancellationToken));
        if (!apply)
        {
            var preview = await client.PostAsync<UnitsApi.ImportPreview>(
                "/api/v1/units:previewImport", new { content }, call.CancellationToken);
            Print(call, preview, p => Rows(p) + "\n" + Counts(p) + " Nothing was written; add --apply to import.");
            return;
        }

        var applied = await client.PostAsync<UnitsApi.ImportApplied>(
            "/api/v1/units:applyImport", new { content }, call.CancellationToken);
        if (outputFile is not null && applied.Value.InitialPasswords is { } passwords)
        {
            await File.WriteAllBytesAsync(
                outputFile, Convert.FromBase64String(passwords.Content), call.CancellationToken);
        }

        Print(call, applied, a =>
            Rows(a.Preview) + "\n已导入 Imported. " + OneTimePasswords.Listed(a.Accounts, outputFile));
    }

    /// <summary>The rows of an import preview, each with its problems.</summary>
    private static string Rows(UnitsApi.ImportPreview preview) =>
        TextTable.Render(
            ["表 sheet", "行 row", "名称 name", "处理 action", "问题 problems", "提示 warnings"],
            preview.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Sheet, $"{r.Row}", r.Name, r.Action, string.Join("；", r.Problems), string.Join("；", r.Warnings),
            ]),
            maxCell: 60);

    /// <summary>What an import would create (a count of zero is left out of the JSON answer: read as 0).</summary>
    private static string Counts(UnitsApi.ImportPreview preview) =>
        $"{preview.UnitsToCreate} unit(s) and {preview.AccountsToCreate} person(s) to create; "
        + $"{preview.RowsWithProblems} row(s) with problems.";

    /// <summary>A unit id as given, or the id of the district's unit with that name or alias.</summary>
    private static Task<string> ResolveAsync(OnlineCall call, GatewayClient client, string? target) =>
        Answers.ResolveAsync(target, "name the unit: its name, an alias or its id", async given =>
        {
            var name = given.Trim();
            var list = await client.GetAsync<UnitsApi.UnitList>(
                "/api/v1/units?pageSize=500&query=" + Uri.EscapeDataString(name), call.CancellationToken);
            var units = list.Value.Units;
            var exact = units.Where(u => u.IsCalled(name)).ToList();
            if (exact.Count > 1)
            {
                // A merged unit's name is also an alias of the unit that took it over: the name means the unit in use.
                exact = exact.Where(u => u.MergedIntoId.Length == 0).ToList();
            }

            return exact.Count == 1 ? exact[0].Id
                : units.Count == 1 ? units[0].Id
                : throw new CliException(units.Count == 0
                    ? $"no unit '{given}' in your district"
                    : $"'{given}' matches {units.Count} units ({string.Join("、", units.Take(5).Select(u => u.Name))}); "
                        + "give its full name or id");
        });
}
