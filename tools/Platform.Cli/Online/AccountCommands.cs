using System.Text.Json.Nodes;
using Platform.Cli.Online.Api;
using static Platform.Cli.Online.Answers;

namespace Platform.Cli.Online;

/// <summary>The district office's people, and a person's own password.</summary>
public static class AccountCommands
{
    public static Task<int> AccountsAsync(OnlineCall call, string action, string? target, AccountFields fields) =>
        OnlineCommands.Run(call, client => action switch
        {
            "list" => ListAsync(call, client),
            "create" => CreateAsync(call, client, target, fields),
            "update" => UpdateAsync(call, client, target, fields),
            "disable" or "enable" => SwitchAsync(call, client, action, target),
            "reset-password" => ResetAsync(call, client, target),
            "audit" => AuditAsync(call, client, target),
            _ => throw new CliException(
                $"unknown action '{action}': use list, create, update, disable, enable, reset-password or audit"),
        });

    public static Task<int> TenantsAsync(
        OnlineCall call, string action, string? code, string? parent, string? admin, string? adminName) =>
        OnlineCommands.Run(call, async client =>
        {
            if (action == "list")
            {
                var list = await client.GetAsync<AccountsApi.TenantList>("/api/v1/tenants", call.CancellationToken);
                Print(call, list, l => TextTable.Render(
                    ["代码 code", "名称 name", "上级 parent", "状态 state"],
                    l.Tenants.Select(t => (IReadOnlyList<string>)
                    [
                        t.Id, t.Name, t.ParentId, t.SuspendedAt is null ? "正常 active" : "已暂停 suspended",
                    ])));
                return;
            }

            var id = code ?? throw new CliException($"{action} needs the division's CODE");
            switch (action)
            {
                case "create":
                {
                    var body = new
                    {
                        id,
                        parentId = parent ?? string.Empty,
                        adminUsername = admin ?? string.Empty,
                        adminDisplayName = adminName ?? string.Empty,
                    };
                    var created = await client.PostAsync<AccountsApi.Tenant>(
                        "/api/v1/tenants", body, call.CancellationToken);
                    Print(call, created, t => $"已开通 Provisioned {t.Id} {t.Name}." + (t.FirstAdmin is not { } first
                        ? string.Empty
                        : "\n" + OneTimePasswords.Announce(
                            $"首位管理员 First district-admin: {first.Username}", first)));
                    break;
                }

                case "suspend" or "resume":
                {
                    await ActAsync<AccountsApi.Tenant>(
                        call,
                        client,
                        $"/api/v1/tenants/{id}:{action}",
                        t => action == "suspend"
                            ? $"已暂停 Suspended {t.Id} {t.Name}: its people and clients cannot sign in; "
                                + "their tokens are refused within a minute."
                            : $"已恢复 Resumed {t.Id} {t.Name}.");
                    break;
                }

                default:
                    throw new CliException($"unknown action '{action}': use list, create, suspend or resume");
            }
        });

    public static Task<int> ChangePasswordAsync(OnlineCall call, string? current, string? chosen) =>
        OnlineCommands.Run(call, async client =>
        {
            current ??= OnlineCommands.Prompt("当前密码 / current password: ", secret: true);
            chosen ??= OnlineCommands.NewPasswordPrompt();
            await client.SendAsync(
                HttpMethod.Post,
                "/api/v1/accounts/me:changePassword",
                new { currentPassword = current, newPassword = chosen },
                call.CancellationToken);
            call.Output.WriteLine(
                "密码已修改 Password changed; every session has ended: sign in again with `platform login`.");
        });

    private static async Task ListAsync(OnlineCall call, GatewayClient client)
    {
        var list = await client.GetAsync<AccountsApi.AccountList>("/api/v1/accounts", call.CancellationToken);
        Print(call, list, l => TextTable.Render(
            ["用户名 username", "姓名 name", "角色 roles", "单位 unit", "状态 state", "邮箱 e-mail", "手机 mobile"],
            l.Accounts.Select(a => (IReadOnlyList<string>)
            [
                a.Username, a.DisplayName, string.Join(", ", a.Roles), a.UnitId, State(a), a.Email, a.Mobile,
            ])));
    }

    private static async Task CreateAsync(OnlineCall call, GatewayClient client, string? target, AccountFields fields)
    {
        var username = target ?? throw new CliException("create needs the new USERNAME");
        if (fields.DisplayName is null || fields.Roles.Count == 0)
        {
            throw new CliException("create needs --name and at least one --role");
        }

        var body = new
        {
            username,
            displayName = fields.DisplayName,
            roles = fields.Roles,
            unitId = fields.UnitId ?? string.Empty,
            email = fields.Email ?? string.Empty,
            mobile = fields.Mobile ?? string.Empty,
        };
        var created = await client.PostAsync<AccountsApi.WithPassword>(
            "/api/v1/accounts", body, call.CancellationToken);
        Print(call, created, a => OneTimePasswords.Announce($"已创建 Created {a.Username} ({a.Id}).", a));
    }

    private static async Task UpdateAsync(OnlineCall call, GatewayClient client, string? target, AccountFields fields)
    {
        var id = await ResolveAsync(call, client, target);
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

        var updated = await client.PatchAsync<AccountsApi.Account>(
            $"/api/v1/accounts/{id}", body, call.CancellationToken);
        Print(call, updated, a => $"已更新 Updated {a.Username}: {a.DisplayName}, {State(a)}.");
    }

    private static async Task SwitchAsync(OnlineCall call, GatewayClient client, string action, string? target)
    {
        var id = await ResolveAsync(call, client, target);
        await ActAsync<AccountsApi.Account>(call, client, $"/api/v1/accounts/{id}:{action}", a => action == "disable"
            ? $"已停用 Disabled {a.Username}: every session ended; their access tokens are refused within a minute."
            : $"已启用 Enabled {a.Username}: they can sign in again.");
    }

    private static async Task ResetAsync(OnlineCall call, GatewayClient client, string? target)
    {
        var id = await ResolveAsync(call, client, target);
        await ActAsync<AccountsApi.WithPassword>(call, client, $"/api/v1/accounts/{id}:resetPassword", r =>
            OneTimePasswords.Announce($"已重置 Reset the password of {r.Account.Username}; every session ended.", r));
    }

    private static async Task AuditAsync(OnlineCall call, GatewayClient client, string? target)
    {
        var query = target is null ? string.Empty : "?accountId=" + await ResolveAsync(call, client, target);
        await PrintAuditAsync(call, client, "/api/v1/accounts/audit" + query, "用户名 username", e => e.Username);
    }

    /// <summary>An account id as given, or the id of the district's account with that username.</summary>
    private static Task<string> ResolveAsync(OnlineCall call, GatewayClient client, string? target) =>
        Answers.ResolveAsync(target, "name the account: its username or id", async name =>
        {
            var list = await client.GetAsync<AccountsApi.AccountList>("/api/v1/accounts", call.CancellationToken);
            var username = name.Trim().ToLowerInvariant();
            return list.Value.Accounts.FirstOrDefault(a => a.Username == username) is { } found
                ? found.Id
                : throw new CliException($"no account '{name}' in your district");
        });

    private static void Set(JsonObject body, string name, string? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }

    private static string State(AccountsApi.Account account) =>
        account.Disabled ? "停用 disabled"
        : account.MustChangePassword ? "待改密码 must change password"
        : "正常 active";
}
