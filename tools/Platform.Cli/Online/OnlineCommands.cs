using System.Text.Json.Nodes;
using Platform.Cli.Online.Api;
using static Platform.Cli.Online.Answers;

namespace Platform.Cli.Online;

/// <summary>
/// The commands that talk to a running platform through its gateway. Each returns the process exit code: 0 on success,
/// 1 with a one-line reason on stderr otherwise; `--json` prints the API's answer for scripts.
/// </summary>
public static class OnlineCommands
{
    public static Task<int> LoginAsync(OnlineCall call, string? user, string? password, string? newPassword) =>
        Run(call, async client =>
        {
            user ??= Prompt("用户名 / username: ", secret: false);
            password ??= Prompt("密码 / password: ", secret: true);
            if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(password))
            {
                throw new CliException("a username and a password are required");
            }

            Credentials credentials;
            try
            {
                credentials = await client.LoginAsync(user.Trim(), password, call.CancellationToken, newPassword);
            }
            catch (PasswordChangeRequiredException) when (newPassword is null)
            {
                // The office's one-time password: the person chooses their own now, and signs in with it.
                call.Error.WriteLine(
                    "此密码由区营商办设置，须先设置自己的密码。 This password was set by the office; choose your own.");
                credentials = await client.LoginAsync(
                    user.Trim(), password, call.CancellationToken, NewPasswordPrompt());
            }

            var claims = TokenClaims.Of(credentials.AccessToken);
            var json = new JsonObject
            {
                ["username"] = credentials.Username,
                ["gateway"] = credentials.Gateway,
                ["tenant"] = TokenClaims.Node(claims.Tenant),
                ["roles"] = TokenClaims.Node(claims.Role),
                ["expiresAt"] = credentials.ExpiresAt,
            };
            if (!PrintedAsJson(call, json))
            {
                call.Output.WriteLine(
                    $"已登录 Signed in as {credentials.Username} (tenant {claims.TenantText}, {claims.Roles}) "
                    + $"at {credentials.Gateway}; the token is kept in {CredentialStore.Path}.");
            }
        });

    public static Task<int> ImportAsync(OnlineCall call, FileInfo file, int year, bool publish) =>
        Run(call, async client =>
        {
            if (!file.Exists)
            {
                throw new CliException($"{file.FullName}: no such file");
            }

            var content = await File.ReadAllBytesAsync(file.FullName, call.CancellationToken);
            var imported = await client.PostAsync<TasksApi.Imported>(
                "/api/v1/task-lists:import",
                new { year, fileName = file.Name, content = Convert.ToBase64String(content) },
                call.CancellationToken);
            var list = imported.Value.TaskList;
            var report = imported.Value.Report;
            Answer<TasksApi.TaskList>? published = null;
            if (publish)
            {
                if (report.UnresolvedUnits.Count > 0)
                {
                    throw new CliException(
                        $"imported as draft {list.Id}, but it cannot be published: unresolved units "
                        + $"{string.Join("、", report.UnresolvedUnits.Select(u => u.PrintedName))} — map them first");
                }

                published = await client.PostAsync<TasksApi.TaskList>(
                    $"/api/v1/task-lists/{list.Id}:publish", new { }, call.CancellationToken);
            }

            var json = new JsonObject
            {
                ["import"] = imported.Json.DeepClone(), ["published"] = published?.Json.DeepClone(),
            };
            if (!PrintedAsJson(call, json))
            {
                WriteImport(call.Output, imported.Value, published?.Value);
            }
        });

    public static Task<int> TasksAsync(OnlineCall call, string? unit, string? category, int year) =>
        Run(call, async client =>
        {
            var query = new List<string> { "pageSize=500" };
            if (year != 0)
            {
                query.Add($"year={year}");
            }

            if (!string.IsNullOrWhiteSpace(unit))
            {
                query.Add("unitName=" + Uri.EscapeDataString(unit));
            }

            if (!string.IsNullOrWhiteSpace(category))
            {
                query.Add("category=" + Uri.EscapeDataString(category));
            }

            var result = await client.GetAsync<TasksApi.TaskPage>(
                "/api/v1/tasks?" + string.Join('&', query), call.CancellationToken);
            if (PrintedAsJson(call, result.Json))
            {
                return;
            }

            var tasks = result.Value.Tasks;
            call.Output.Write(TextTable.Render(
                ["编号", "类别", "牵头单位", "完成时限", "签收", "任务"],
                tasks.Select(t => (IReadOnlyList<string>)
                [
                    t.Number,
                    t.Category,
                    Join(t.LeadUnits.Select(u => u.UnitName)),
                    t.Deadline is { Length: > 0 } d ? d : t.DeadlineText,
                    t.Signatures.Count > 0 ? "✓" : string.Empty,
                    t.Text,
                ])));
            call.Output.WriteLine($"{tasks.Count} of {result.Value.TotalSize} tasks");
        });

    /// <summary>
    /// Runs a command body with a client of the gateway: 0 on success, 1 with a one-line reason on stderr for an
    /// expected failure.
    /// </summary>
    internal static async Task<int> Run(OnlineCall call, Func<GatewayClient, Task> body)
    {
        try
        {
            using var client = new GatewayClient(call.Gateway);
            await body(client);
            return 0;
        }
        catch (CliException ex)
        {
            call.Error.WriteLine("platform: " + ex.Message);
            return 1;
        }
        catch (IOException ex)
        {
            call.Error.WriteLine("platform: " + ex.Message);
            return 1;
        }
    }

    /// <summary>A new password typed twice, without echo.</summary>
    internal static string NewPasswordPrompt()
    {
        var chosen = Prompt("新密码 / new password: ", secret: true);
        return chosen == Prompt("再次输入 / again: ", secret: true)
            ? chosen
            : throw new CliException("the two new passwords differ; nothing was changed");
    }

    internal static string Prompt(string label, bool secret)
    {
        if (Console.IsInputRedirected)
        {
            Console.Error.Write(label);
            return Console.ReadLine() ?? string.Empty;
        }

        Console.Error.Write(label);
        if (!secret)
        {
            return Console.ReadLine() ?? string.Empty;
        }

        var builder = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return builder.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (builder.Length > 0)
                {
                    builder.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                builder.Append(key.KeyChar);
            }
        }
    }

    /// <summary>The draft's heading and counts, the unit names to map before publishing, the warnings.</summary>
    private static void WriteImport(TextWriter output, TasksApi.Imported imported, TasksApi.TaskList? published)
    {
        var (list, report) = (imported.TaskList, imported.Report);
        var notice = list.Notice;
        var heading = string.Join(
            "  ", new[] { notice.Title, notice.DocNumber, notice.IssuedOn }.Where(x => !string.IsNullOrEmpty(x)));
        if (heading.Length > 0)
        {
            output.WriteLine(heading);
        }

        output.WriteLine(
            $"draft {list.Id}: {report.CategoryCount} categories, {report.TaskCount} tasks, "
            + $"{report.TargetCount} typed targets, {report.Warnings.Count} warnings");
        if (report.UnresolvedUnits.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Unresolved unit names (map them before publishing):");
            output.Write(TextTable.Render(
                ["印发名称 printed", "任务 tasks", "建议 suggestions"],
                report.UnresolvedUnits.Select(u => (IReadOnlyList<string>)
                [
                    u.PrintedName, string.Join(",", u.TaskNumbers), Join(u.Suggestions.Select(s => s.Name)),
                ])));
        }

        foreach (var warning in report.Warnings)
        {
            output.WriteLine($"warning (line {warning.Line}): {warning.Message}");
        }

        if (published is not null)
        {
            output.WriteLine($"published as version {published.Version} of {published.Year}");
        }
    }
}
