using System.CommandLine;
using Platform.Cli.Online;

namespace Platform.Cli.Commands;

/// <summary>
/// `platform webhooks add URL [--kind K]… | list | deliveries [ID] [--dead] | retry DELIVERY`: the office's webhooks.
/// </summary>
public static class WebhooksCommand
{
    public static Command Create()
    {
        var action = Symbols.Action("add, list, deliveries, retry or delete.");
        var target = Symbols.Optional(
            "TARGET",
            "add: the URL; deliveries: a webhook id (optional); retry: a delivery id; delete: a webhook id.");
        var kinds = Symbols.Repeated("--kind", "add: only these kinds (e.g. REPORT_RETURNED); all when omitted.");
        var dead = Symbols.Flag("--dead", "deliveries: only dead ones (every channel).");
        return OnlineOptions.Create("webhooks", "Manage the district's webhooks and see their deliveries.",
            [action, target, kinds, dead],
            (result, call) => ReportingCommands.WebhooksAsync(
                call, result.GetRequiredValue(action), result.GetValue(target), result.GetValue(kinds) ?? [],
                result.GetValue(dead)));
    }
}
