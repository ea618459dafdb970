using static Platform.Cli.Online.Answers;

namespace Platform.Cli.Online;

/// <summary>The district office's unit directory: add, rename, aliases, retire and reinstate, merge, and the audit.</summary>
public static class UnitCommands
{
    public static async Task<int> UnitsAsync(
        string? gateway, string action, string? target, string? name, string? into, IReadOnlyList<string> aliases, bool group, bool json,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        return await OnlineCommands.Run(error, async () =>
        {
            using var client = new GatewayClient(gateway);
            switch (action)
            {
                case "list":
                {
                    var list = await client.GetAsync("/api/v1/units?pageSize=500", cancellationToken);
                    Print(output, json, list, () => TextTable.Render(
                        ["名称 name", "别名 aliases", "类型 kind", "状态 state", "id"],
                        Items(list, "units").Select(u => (IReadOnlyList<string>)
                        [
                            Text(u, "name"), string.Join("、", Items(u, "aliases").Select(a => a.GetValue<string>())),
                            Text(u, "kind") == "UNIT_KIND_GROUP" ? "单位组 group" : "单位 unit", u["retiredAt"] is null ? "在用 active" : Text(u, "mergedIntoId").Length == 0 ? "已撤销 retired" : "已合并 merged", Text(u, "id"),
                        ])));
                    break;
                }

                case "create":
                {
                    var created = await client.PostAsync("/api/v1/units", new
                    {
                        name = target ?? throw new CliException("create needs the unit's NAME"), aliases,
                        kind = group ? "UNIT_KIND_GROUP" : "UNIT_KIND_UNIT",
                    }, cancellationToken);
                    Print(output, json, created, () => $"已添加 Created {Text(created, "name")} ({Text(created, "id")}).");
                    break;
                }

                case "rename":
                {
                    var id = await ResolveAsync(client, target, cancellationToken);
                    var renamed = await client.PostAsync($"/api/v1/units/{id}:rename",
                        new { name = name ?? throw new CliException("rename needs --name NEW_NAME") }, cancellationToken);
                    Print(output, json, renamed, () => $"已更名 Renamed to {Text(renamed, "name")}; the old name stays an alias.");
                    break;
                }

                case "alias-add" or "alias-remove":
                {
                    var id = await ResolveAsync(client, target, cancellationToken);
                    if (aliases.Count == 0)
                    {
                        throw new CliException($"{action} needs --alias NAME");
                    }

                    var unit = default(System.Text.Json.Nodes.JsonNode);
                    foreach (var alias in aliases)
                    {
                        unit = action == "alias-add"
                            ? await client.PostAsync($"/api/v1/units/{id}/aliases", new { alias }, cancellationToken)
                            : await client.PostAsync($"/api/v1/units/{id}:removeAlias", new { alias }, cancellationToken);
                    }

                    Print(output, json, unit!, () => $"{Text(unit, "name")}: 别名 aliases {string.Join("、", Items(unit, "aliases").Select(a => a.GetValue<string>()))}");
                    break;
                }

                case "retire" or "reinstate":
                {
                    var id = await ResolveAsync(client, target, cancellationToken);
                    var changed = await client.PostAsync($"/api/v1/units/{id}:{action}", new { }, cancellationToken);
                    Print(output, json, changed, () => action == "retire"
                        ? $"已撤销 Retired {Text(changed, "name")}: it takes no new task, person or name resolution; its history stays."
                        : $"已恢复 Reinstated {Text(changed, "name")}.");
                    break;
                }

                case "merge":
                {
                    var id = await ResolveAsync(client, target, cancellationToken);
                    var intoId = await ResolveAsync(client, into ?? throw new CliException("merge needs --into OTHER: the unit that takes it over"), cancellationToken);
                    var merged = await client.PostAsync($"/api/v1/units/{id}:merge", new { intoId }, cancellationToken);
                    Print(output, json, merged, () =>
                    {
                        string Count(string field) => Text(merged, field) is { Length: > 0 } n ? n : "0";
                        return $"已合并 Merged {Text(merged["unit"], "name")} into {Text(merged["into"], "name")}: {Count("openTasksMoved")} open task(s), " +
                            $"{Count("accountsMoved")} person(s) and {Count("groupsChanged")} group(s) moved; its names are now aliases of " +
                            $"{Text(merged["into"], "name")}. Reports, requests and what it owed follow within moments.";
                    });
                    break;
                }

                case "audit":
                {
                    var query = target is null ? string.Empty : "?unitId=" + await ResolveAsync(client, target, cancellationToken);
                    var audit = await client.GetAsync("/api/v1/units/audit" + query, cancellationToken);
                    Print(output, json, audit, () => TextTable.Render(
                        ["时间 at", "单位 unit", "操作 action", "操作人 by", "变更 change"],
                        Items(audit, "entries").Select(e => (IReadOnlyList<string>)
                        [
                            LocalTime(Text(e, "at")), Text(e, "unitName"), Text(e, "action"), Text(e, "actor"), Difference(Text(e, "before"), Text(e, "after")),
                        ]), maxCell: 80));
                    break;
                }

                default:
                    throw new CliException($"unknown action '{action}': use list, create, rename, alias-add, alias-remove, retire, reinstate, merge or audit");
            }
        });
    }

    /// <summary>
    /// `platform directory template -o FILE`, `platform directory import FILE [--apply] [-o PASSWORDS.xlsx]`: the
    /// directory workbook; an import is previewed (every row's problems) unless --apply is given.
    /// </summary>
    public static async Task<int> DirectoryAsync(
        string? gateway, string action, string? file, bool apply, string? outputFile, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        return await OnlineCommands.Run(error, async () =>
        {
            using var client = new GatewayClient(gateway);
            switch (action)
            {
                case "template":
                {
                    var path = outputFile ?? file ?? throw new CliException("template needs -o FILE.xlsx");
                    var template = await client.GetAsync("/api/v1/units/import-template", cancellationToken);
                    await File.WriteAllBytesAsync(path, Convert.FromBase64String(Text(template, "content")), cancellationToken);
                    output.WriteLine($"已保存 Saved the template to {path}: fill in the 单位 and 人员 sheets, then `platform directory import {path}`.");
                    break;
                }

                case "import":
                {
                    var path = file ?? throw new CliException("import needs the workbook FILE.xlsx");
                    var content = Convert.ToBase64String(await File.ReadAllBytesAsync(path, cancellationToken));
                    var answer = await client.PostAsync(apply ? "/api/v1/units:applyImport" : "/api/v1/units:previewImport", new { content }, cancellationToken);
                    var preview = apply ? answer["preview"] : answer;
                    if (apply && outputFile is not null && answer["initialPasswords"] is { } passwords)
                    {
                        await File.WriteAllBytesAsync(outputFile, Convert.FromBase64String(Text(passwords, "content")), cancellationToken);
                    }

                    Print(output, json, answer, () =>
                    {
                        var table = TextTable.Render(
                            ["表 sheet", "行 row", "名称 name", "处理 action", "问题 problems", "提示 warnings"],
                            Items(preview, "rows").Select(r => (IReadOnlyList<string>)
                            [
                                Text(r, "sheet"), Text(r, "row"), Text(r, "name"), Text(r, "action"),
                                string.Join("；", Items(r, "problems").Select(p => p.GetValue<string>())),
                                string.Join("；", Items(r, "warnings").Select(p => p.GetValue<string>())),
                            ]), maxCell: 60);
                        // A count of zero is left out of the JSON answer.
                        string Count(string name) => Text(preview, name) is { Length: > 0 } n ? n : "0";
                        var summary = $"{Count("unitsToCreate")} unit(s) and {Count("accountsToCreate")} person(s) to create; {Count("rowsWithProblems")} row(s) with problems.";
                        return !apply ? table + "\n" + summary + " Nothing was written; add --apply to import."
                            : table + "\n已导入 Imported. " + (outputFile is null
                                ? "One-time passwords:\n" + string.Join("\n", Items(answer, "accounts").Select(a => $"  {Text(a, "username")}  {Text(a, "initialPassword")}"))
                                : $"The one-time passwords are in {outputFile}.") + "\nHand each to its person; at the first sign-in they must choose their own.";
                    });
                    break;
                }

                default:
                    throw new CliException($"unknown action '{action}': use template or import");
            }
        });
    }

    /// <summary>A unit id as given, or the id of the district's unit with that name or alias.</summary>
    private static async Task<string> ResolveAsync(GatewayClient client, string? target, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new CliException("name the unit: its name, an alias or its id");
        }

        if (Guid.TryParse(target, out _))
        {
            return target;
        }

        var list = await client.GetAsync("/api/v1/units?pageSize=500&query=" + Uri.EscapeDataString(target.Trim()), cancellationToken);
        var units = Items(list, "units").ToList();
        var exact = units.Where(u => Text(u, "name") == target.Trim() || Items(u, "aliases").Any(a => a.GetValue<string>() == target.Trim())).ToList();
        if (exact.Count > 1)
        {
            // A merged unit's name is also an alias of the unit that took it over: the name means the unit in use.
            exact = exact.Where(u => Text(u, "mergedIntoId").Length == 0).ToList();
        }

        return exact.Count == 1 ? Text(exact[0], "id")
            : units.Count == 1 ? Text(units[0], "id")
            : throw new CliException(units.Count == 0
                ? $"no unit '{target}' in your district"
                : $"'{target}' matches {units.Count} units ({string.Join("、", units.Take(5).Select(u => Text(u, "name")))}); give its full name or id");
    }
}
