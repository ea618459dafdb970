using Platform.Cli.Online.Api;
using static Platform.Cli.Online.Answers;

namespace Platform.Cli.Online;

/// <summary>
/// `platform sessions`: the signed-in person's open sessions and sign-in history, and ending sessions.
/// </summary>
public static class SessionCommands
{
    public static Task<int> SessionsAsync(OnlineCall call, string action, string? session) =>
        OnlineCommands.Run(call, async client =>
        {
            switch (action)
            {
                case "list":
                    var list = await client.GetAsync<AccountsApi.SessionList>(
                        "/api/v1/accounts/me/sessions", call.CancellationToken);
                    Print(call, list, l => TextTable.Render(
                        ["会话 Session", "登录 Signed in", "最近 Last active", "地址 Address", "程序 Program", ""],
                        l.Sessions.Select(s => (IReadOnlyList<string>)
                        [
                            s.Id, LocalTime(s.StartedAt), LocalTime(s.LastActiveAt), s.ClientAddress, s.UserAgent,
                            s.Current ? "本次 current" : string.Empty,
                        ]),
                        maxCell: 36));
                    break;
                case "sign-ins":
                    var history = await client.GetAsync<AccountsApi.SignInList>(
                        "/api/v1/accounts/me/sign-ins", call.CancellationToken);
                    Print(call, history, h => TextTable.Render(
                        ["时间 Time", "结果 Outcome", "地址 Address", "程序 Program"],
                        h.SignIns.Select(e => (IReadOnlyList<string>)
                            [LocalTime(e.At), e.Outcome, e.ClientAddress, e.UserAgent])));
                    break;
                case "end":
                case "end-others":
                    if (action == "end" == string.IsNullOrWhiteSpace(session))
                    {
                        throw new CliException(action == "end"
                            ? "name the session to end (its id from `platform sessions list`)"
                            : "end-others takes no session id");
                    }

                    var body = action == "end" ? (object)new { sessionId = session!.Trim() } : new { allOthers = true };
                    var ended = await client.PostAsync<AccountsApi.SessionsEnded>(
                        "/api/v1/accounts/me/sessions:end", body, call.CancellationToken);
                    Print(call, ended, e =>
                        $"已结束 Ended {e.Ended} session(s); their access ends within a minute.");
                    break;
                default:
                    throw new CliException(
                        $"unknown action '{action}': use list, sign-ins, end SESSION or end-others");
            }
        });
}
