using System.Text.Json.Nodes;
using static Platform.Cli.Online.Answers;

namespace Platform.Cli.Online;

/// <summary>The fields of an account a command sets; null (or no roles) leaves a field as it is.</summary>
public sealed record AccountFields(string? DisplayName, IReadOnlyList<string> Roles, string? UnitId, string? Email, string? Mobile);

/// <summary>The district office's people, and a person's own password.</summary>
public static class AccountCommands
{
    public static async Task<int> AccountsAsync(
        string? gateway, string action, string? target, AccountFields fields, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        return await OnlineCommands.Run(error, async () =>
        {
            using var client = new GatewayClient(gateway);
            switch (action)
            {
                case "list":
                {
                    var list = await client.GetAsync("/api/v1/accounts", cancellationToken);
                    Print(output, json, list, () => TextTable.Render(
                        ["用户名 username", "姓名 name", "角色 roles", "单位 unit", "状态 state", "邮箱 e-mail", "手机 mobile"],
                        Items(list, "accounts").Select(a => (IReadOnlyList<string>)
                        [
                            Text(a, "username"), Text(a, "displayName"), string.Join(", ", Items(a, "roles").Select(r => r.GetValue<string>())),
                            Text(a, "unitId"), State(a), Text(a, "email"), Text(a, "mobile"),
                        ])));
                    break;
                }

                case "create":
                {
                    var username = target ?? throw new CliException("create needs the new USERNAME");
                    if (fields.DisplayName is null || fields.Roles.Count == 0)
                    {
                        throw new CliException("create needs --name and at least one --role");
                    }

                    var created = await client.PostAsync("/api/v1/accounts", new
                    {
                        username, displayName = fields.DisplayName, roles = fields.Roles, unitId = fields.UnitId ?? string.Empty,
                        email = fields.Email ?? string.Empty, mobile = fields.Mobile ?? string.Empty,
                    }, cancellationToken);
                    Print(output, json, created, () =>
                        $"已创建 Created {Text(created, "username")} ({Text(created, "id")}).\n" + Handover(Text(created, "initialPassword")));
                    break;
                }

                case "update":
                {
                    var id = await ResolveAsync(client, target, cancellationToken);
                    var body = new JsonObject();
                    Set(body, "displayName", fields.DisplayName);
                    Set(body, "unitId", fields.UnitId == "-" ? string.Empty : fields.UnitId);
                    Set(body, "email", fields.Email);
                    Set(body, "mobile", fields.Mobile);
                    if (fields.Roles.Count > 0)
                    {
                        body["roles"] = new JsonArray([.. fields.Roles.Select(r => (JsonNode)JsonValue.Create(r)!)]);
                    }

                    if (body.Count == 0)
                    {
                        throw new CliException("update needs at least one of --name, --role, --unit, --email, --mobile");
                    }

                    var updated = await client.PatchAsync($"/api/v1/accounts/{id}", body, cancellationToken);
                    Print(output, json, updated, () => $"已更新 Updated {Text(updated, "username")}: {Text(updated, "displayName")}, {State(updated)}.");
                    break;
                }

                case "disable" or "enable":
                {
                    var id = await ResolveAsync(client, target, cancellationToken);
                    var changed = await client.PostAsync($"/api/v1/accounts/{id}:{action}", new { }, cancellationToken);
                    Print(output, json, changed, () => action == "disable"
                        ? $"已停用 Disabled {Text(changed, "username")}: every session ended; their access tokens are refused within a minute."
                        : $"已启用 Enabled {Text(changed, "username")}: they can sign in again.");
                    break;
                }

                case "reset-password":
                {
                    var id = await ResolveAsync(client, target, cancellationToken);
                    var reset = await client.PostAsync($"/api/v1/accounts/{id}:resetPassword", new { }, cancellationToken);
                    Print(output, json, reset, () =>
                        $"已重置 Reset the password of {Text(reset["account"], "username")}; every session ended.\n" + Handover(Text(reset, "initialPassword")));
                    break;
                }

                case "audit":
                {
                    var query = target is null ? string.Empty : "?accountId=" + await ResolveAsync(client, target, cancellationToken);
                    var audit = await client.GetAsync("/api/v1/accounts/audit" + query, cancellationToken);
                    Print(output, json, audit, () => TextTable.Render(
                        ["时间 at", "用户名 username", "操作 action", "操作人 by", "变更 change"],
                        Items(audit, "entries").Select(e => (IReadOnlyList<string>)
                        [
                            LocalTime(Text(e, "at")),
                            Text(e, "username"), Text(e, "action"), Text(e, "actor"), Difference(Text(e, "before"), Text(e, "after")),
                        ]), maxCell: 80));
                    break;
                }

                default:
                    throw new CliException($"unknown action '{action}': use list, create, update, disable, enable, reset-password or audit");
            }
        });
    }

    public static async Task<int> TenantsAsync(
        string? gateway, string action, string? code, string? parent, string? admin, string? adminName, bool json, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        return await OnlineCommands.Run(error, async () =>
        {
            using var client = new GatewayClient(gateway);
            if (action == "list")
            {
                var list = await client.GetAsync("/api/v1/tenants", cancellationToken);
                Print(output, json, list, () => TextTable.Render(
                    ["代码 code", "名称 name", "上级 parent", "状态 state"],
                    Items(list, "tenants").Select(t => (IReadOnlyList<string>)
                    [
                        Text(t, "id"), Text(t, "name"), Text(t, "parentId"), t["suspendedAt"] is null ? "正常 active" : "已暂停 suspended",
                    ])));
                return;
            }

            var id = code ?? throw new CliException($"{action} needs the division's CODE");
            switch (action)
            {
                case "create":
                {
                    var created = await client.PostAsync("/api/v1/tenants", new
                    {
                        id, parentId = parent ?? string.Empty, adminUsername = admin ?? string.Empty, adminDisplayName = adminName ?? string.Empty,
                    }, cancellationToken);
                    var first = created["firstAdmin"];
                    Print(output, json, created, () => $"已开通 Provisioned {Text(created, "id")} {Text(created, "name")}." +
                        (first is null ? string.Empty : $"\n首位管理员 First district-admin: {Text(first, "username")}\n" + Handover(Text(first, "initialPassword"))));
                    break;
                }

                case "suspend" or "resume":
                {
                    var changed = await client.PostAsync($"/api/v1/tenants/{id}:{action}", new { }, cancellationToken);
                    Print(output, json, changed, () => action == "suspend"
                        ? $"已暂停 Suspended {Text(changed, "id")} {Text(changed, "name")}: its people and clients cannot sign in; their tokens are refused within a minute."
                        : $"已恢复 Resumed {Text(changed, "id")} {Text(changed, "name")}.");
                    break;
                }

                default:
                    throw new CliException($"unknown action '{action}': use list, create, suspend or resume");
            }
        });
    }

    public static async Task<int> ChangePasswordAsync(
        string? gateway, string? current, string? chosen, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        return await OnlineCommands.Run(error, async () =>
        {
            current ??= OnlineCommands.Prompt("当前密码 / current password: ", secret: true);
            chosen ??= OnlineCommands.NewPasswordPrompt();
            using var client = new GatewayClient(gateway);
            await client.PostAsync("/api/v1/accounts/me:changePassword", new { currentPassword = current, newPassword = chosen }, cancellationToken);
            output.WriteLine("密码已修改 Password changed; every session has ended: sign in again with `platform login`.");
        });
    }

    /// <summary>An account id as given, or the id of the district's account with that username.</summary>
    private static async Task<string> ResolveAsync(GatewayClient client, string? target, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new CliException("name the account: its username or id");
        }

        if (Guid.TryParse(target, out _))
        {
            return target;
        }

        var list = await client.GetAsync("/api/v1/accounts", cancellationToken);
        return Items(list, "accounts").FirstOrDefault(a => Text(a, "username") == target.Trim().ToLowerInvariant()) is { } found
            ? Text(found, "id")
            : throw new CliException($"no account '{target}' in your district");
    }

    private static string Handover(string password) => password.Length == 0 ? string.Empty :
        $"一次性初始密码 One-time initial password: {password}\n" +
        "It is shown only now. Hand it to the person; at the first sign-in they must choose their own.";

    private static void Set(JsonObject body, string name, string? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }

    private static string State(JsonNode? account) =>
        account?["disabled"]?.GetValue<bool>() == true ? "停用 disabled"
        : account?["mustChangePassword"]?.GetValue<bool>() == true ? "待改密码 must change password"
        : "正常 active";
}
