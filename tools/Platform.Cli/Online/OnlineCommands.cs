using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Cli.Online;

/// <summary>
/// The commands that talk to a running platform through its gateway. Each returns the process exit code: 0 on success,
/// 1 with a one-line reason on stderr otherwise; `--json` prints the API's answer for scripts.
/// </summary>
public static class OnlineCommands
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> LoginAsync(
        string? gateway, string? user, string? password, string? newPassword, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        return await Run(error, async () =>
        {
            user ??= Prompt("用户名 / username: ", secret: false);
            password ??= Prompt("密码 / password: ", secret: true);
            if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(password))
            {
                throw new CliException("a username and a password are required");
            }

            using var client = new GatewayClient(gateway);
            Credentials credentials;
            try
            {
                credentials = await client.LoginAsync(user.Trim(), password, cancellationToken, newPassword);
            }
            catch (PasswordChangeRequiredException) when (newPassword is null)
            {
                // The office's one-time password: the person chooses their own now, and signs in with it.
                error.WriteLine("此密码由区营商办设置，须先设置自己的密码。 This password was set by the office; choose your own.");
                credentials = await client.LoginAsync(user.Trim(), password, cancellationToken, NewPasswordPrompt());
            }

            var claims = Claims(credentials.AccessToken);
            if (json)
            {
                output.WriteLine(new JsonObject
                {
                    ["username"] = credentials.Username,
                    ["gateway"] = credentials.Gateway,
                    ["tenant"] = claims["tenant"]?.DeepClone(),
                    ["roles"] = claims["role"]?.DeepClone(),
                    ["expiresAt"] = credentials.ExpiresAt,
                }.ToJsonString(Pretty));
            }
            else
            {
                var roles = claims["role"] is JsonArray many ? string.Join(", ", many.Select(r => (string?)r)) : (string?)claims["role"];
                output.WriteLine($"已登录 Signed in as {credentials.Username} (tenant {claims["tenant"]}, {roles}) at {credentials.Gateway}; the token is kept in {CredentialStore.Path}.");
            }
        });
    }

    public static async Task<int> ImportAsync(string? gateway, FileInfo file, int year, bool publish, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        return await Run(error, async () =>
        {
            if (!file.Exists)
            {
                throw new CliException($"{file.FullName}: no such file");
            }

            using var client = new GatewayClient(gateway);
            var content = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
            var imported = await client.PostAsync("/api/v1/task-lists:import", new { year, fileName = file.Name, content = Convert.ToBase64String(content) }, cancellationToken);
            var list = imported["taskList"]!;
            var report = imported["report"]!;
            JsonNode? published = null;
            var unresolved = report["unresolvedUnits"]?.AsArray() ?? [];
            if (publish)
            {
                if (unresolved.Count > 0)
                {
                    throw new CliException($"imported as draft {list["id"]}, but it cannot be published: unresolved units {string.Join("、", unresolved.Select(u => (string?)u!["printedName"]))} — map them first");
                }

                published = await client.PostAsync($"/api/v1/task-lists/{list["id"]}:publish", new { }, cancellationToken);
            }

            if (json)
            {
                output.WriteLine(new JsonObject { ["import"] = imported.DeepClone(), ["published"] = published?.DeepClone() }.ToJsonString(Pretty));
                return;
            }

            var notice = list["notice"]!;
            var heading = string.Join("  ", new[] { (string?)notice["title"], (string?)notice["docNumber"], (string?)notice["issuedOn"] }.Where(x => !string.IsNullOrEmpty(x)));
            if (heading.Length > 0)
            {
                output.WriteLine(heading);
            }

            output.WriteLine($"draft {list["id"]}: {report["categoryCount"] ?? 0} categories, {report["taskCount"] ?? 0} tasks, {report["targetCount"] ?? 0} typed targets, {(report["warnings"]?.AsArray().Count ?? 0)} warnings");
            if (unresolved.Count > 0)
            {
                output.WriteLine();
                output.WriteLine("Unresolved unit names (map them before publishing):");
                output.Write(TextTable.Render(
                    ["印发名称 printed", "任务 tasks", "建议 suggestions"],
                    unresolved.Select(u => (IReadOnlyList<string>)
                    [
                        (string?)u!["printedName"] ?? string.Empty,
                        string.Join(",", u["taskNumbers"]?.AsArray().Select(n => (string?)n) ?? []),
                        TextTable.Join(u["suggestions"], "name"),
                    ])));
            }

            foreach (var warning in report["warnings"]?.AsArray() ?? [])
            {
                output.WriteLine($"warning (line {warning!["line"] ?? 0}): {warning["message"]}");
            }

            if (published is not null)
            {
                output.WriteLine($"published as version {published["version"]} of {published["year"]}");
            }
        });
    }

    public static async Task<int> TasksAsync(string? gateway, string? unit, string? category, int year, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        return await Run(error, async () =>
        {
            using var client = new GatewayClient(gateway);
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

            var result = await client.GetAsync("/api/v1/tasks?" + string.Join('&', query), cancellationToken);
            if (json)
            {
                output.WriteLine(result.ToJsonString(Pretty));
                return;
            }

            var tasks = result["tasks"]?.AsArray() ?? [];
            output.Write(TextTable.Render(
                ["编号", "类别", "牵头单位", "完成时限", "签收", "任务"],
                tasks.Select(t => (IReadOnlyList<string>)
                [
                    (string?)t!["number"] ?? string.Empty,
                    (string?)t["category"] ?? string.Empty,
                    TextTable.Join(t["leadUnits"], "unitName"),
                    (string?)t["deadline"] is { Length: > 0 } d ? d : (string?)t["deadlineText"] ?? string.Empty,
                    (t["signatures"]?.AsArray().Count ?? 0) > 0 ? "✓" : string.Empty,
                    (string?)t["text"] ?? string.Empty,
                ])));
            output.WriteLine($"{tasks.Count} of {result["totalSize"] ?? 0} tasks");
        });
    }

    /// <summary>Runs a command body: 0 on success, 1 with a one-line reason on stderr for an expected failure.</summary>
    internal static async Task<int> Run(TextWriter error, Func<Task> body)
    {
        try
        {
            await body();
            return 0;
        }
        catch (CliException ex)
        {
            error.WriteLine("platform: " + ex.Message);
            return 1;
        }
        catch (IOException ex)
        {
            error.WriteLine("platform: " + ex.Message);
            return 1;
        }
    }

    private static JsonNode Claims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonNode.Parse(Convert.FromBase64String(payload))!;
    }

    /// <summary>A new password typed twice, without echo.</summary>
    internal static string NewPasswordPrompt()
    {
        var chosen = Prompt("新密码 / new password: ", secret: true);
        return chosen == Prompt("再次输入 / again: ", secret: true) ? chosen : throw new CliException("the two new passwords differ; nothing was changed");
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
}
