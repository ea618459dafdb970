using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>`platform inbox [--unread] [--read-all]`: the caller's notifications, newest first.</summary>
public static class InboxCommand
{
    public static Command Create()
    {
        var unread = new Option<bool>("--unread") { Description = "Only what is not read yet." };
        var readAll = new Option<bool>("--read-all") { Description = "Mark everything read after showing it." };
        return OnlineOptions.Create(
            "inbox",
            "Show your notifications: assignments, reminders, 催办, 督办单, review outcomes.",
            (result, call) => ReportingCommands.InboxAsync(call, result.GetValue(unread), result.GetValue(readAll)),
            unread,
            readAll);
    }
}
