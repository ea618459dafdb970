using System.Text.Json.Nodes;
using static Platform.Cli.Online.Answers;

namespace Platform.Cli.Online;

/// <summary>`platform sessions`: the signed-in person's open sessions and sign-in history, and ending sessions.</summary>
public static class SessionCommands
{
    public static async Task<int> SessionsAsync(
        string? gateway, string action, string? session, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        return await OnlineCommands.Run(error, async () =>
        {
            using var client = new GatewayClient(gateway);
            switch (action)
            {
                case "list":
                    var list = await client.GetAsync("/api/v1/accounts/me/sessions", cancellationToken);
                    Print(output, json, list, () => TextTable.Render(
                        ["会话 Session", "登录 Signed in", "最近 Last active", "地址 Address", "程序 Program", ""],
                        Items(list, "sessions").Select(s => (IReadOnlyList<string>)
                        [
                            Text(s, "id"), LocalTime(Text(s, "startedAt")), LocalTime(Text(s, "lastActiveAt")), Text(s, "clientAddress"),
                            Text(s, "userAgent"), Text(s, "current") == "true" ? "本次 current" : string.Empty,
                        ]), maxCell: 36));
                    break;
                case "sign-ins":
                    var history = await client.GetAsync("/api/v1/accounts/me/sign-ins", cancellationToken);
                    Print(output, json, history, () => TextTable.Render(
                        ["时间 Time", "结果 Outcome", "地址 Address", "程序 Program"],
                        Items(history, "signIns").Select(e => (IReadOnlyList<string>)
                            [LocalTime(Text(e, "at")), Text(e, "outcome"), Text(e, "clientAddress"), Text(e, "userAgent")])));
                    break;
                case "end":
                case "end-others":
                    if (action == "end" == string.IsNullOrWhiteSpace(session))
                    {
                        throw new CliException(action == "end" ? "name the session to end (its id from `platform sessions list`)" : "end-others takes no session id");
                    }

                    var body = action == "end" ? (object)new { sessionId = session!.Trim() } : new { allOthers = true };
                    var ended = await client.PostAsync("/api/v1/accounts/me/sessions:end", body, cancellationToken);
                    Print(output, json, ended, () => $"已结束 Ended {(ended["ended"] is JsonValue n ? n.ToString() : "0")} session(s); their access ends within a minute.");
                    break;
                default:
                    throw new CliException($"unknown action '{action}': use list, sign-ins, end SESSION or end-others");
            }
        });
    }
}
