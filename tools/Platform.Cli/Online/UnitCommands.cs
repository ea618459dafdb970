using static Platform.Cli.Online.Answers;

namespace Platform.Cli.Online;

/// <summary>The district office's unit directory: add, rename, aliases, retire and reinstate, and the audit.</summary>
public static class UnitCommands
{
    public static async Task<int> UnitsAsync(
        string? gateway, string action, string? target, string? name, IReadOnlyList<string> aliases, bool group, bool json,
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
                            Text(u, "kind") == "UNIT_KIND_GROUP" ? "单位组 group" : "单位 unit", u["retiredAt"] is null ? "在用 active" : "已撤销 retired", Text(u, "id"),
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
                    throw new CliException($"unknown action '{action}': use list, create, rename, alias-add, alias-remove, retire, reinstate or audit");
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
        return exact.Count == 1 ? Text(exact[0], "id")
            : units.Count == 1 ? Text(units[0], "id")
            : throw new CliException(units.Count == 0
                ? $"no unit '{target}' in your district"
                : $"'{target}' matches {units.Count} units ({string.Join("、", units.Take(5).Select(u => Text(u, "name")))}); give its full name or id");
    }
}
