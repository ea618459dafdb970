using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform ops queues | redrive [--queue Q] | replay tasks|units [--tenant 500103]` (platform admin): every service's
/// queues and error queues, moving error queues back, and having the owning service publish its current state again.
/// </summary>
public static class OpsCommand
{
    public static Command Create()
    {
        var action = Symbols.Action("queues, redrive or replay.");
        var target = Symbols.Optional(
            "SERVICE", "replay: tasks (the lists in force) or units (tenants, units, accounts).");
        var queue = Symbols.Text(
            "--queue", "redrive: only this queue (with or without _error); every error queue when omitted.");
        var tenant = Symbols.Text(
            "--tenant", "replay: only this district (its division code); every one when omitted.");
        return OnlineOptions.Create(
            "ops",
            "Operator's commands (platform admin): queues, re-drive of error queues, replay of the lists and the "
                + "directory.",
            [action, target, queue, tenant],
            (result, call) => OpsCommands.RunAsync(
                call, result.GetRequiredValue(action), result.GetValue(target), result.GetValue(queue),
                result.GetValue(tenant)));
    }
}
