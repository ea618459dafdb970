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
        var action = new Argument<string>("ACTION") { Description = "add, list, deliveries, retry or delete." };
        var target = new Argument<string?>("TARGET")
        {
            Description = "add: the URL; deliveries: a webhook id (optional); retry: a delivery id; "
                + "delete: a webhook id.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var kinds = new Option<string[]>("--kind")
        {
            Description = "add: only these kinds (e.g. REPORT_RETURNED); all when omitted.",
            AllowMultipleArgumentsPerToken = true,
        };
        var dead = new Option<bool>("--dead") { Description = "deliveries: only dead ones (every channel)." };
        return OnlineOptions.Create(
            "webhooks",
            "Manage the district's webhooks and see their deliveries.",
            (result, call) => ReportingCommands.WebhooksAsync(
                call,
                result.GetRequiredValue(action),
                result.GetValue(target),
                result.GetValue(kinds) ?? [],
                result.GetValue(dead)),
            action,
            target,
            kinds,
            dead);
    }
}
