using Platform.Notifications.Domain;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Notifications.Rules;

/// <summary>
/// Reporting's answer over gRPC (SupervisionChecks/ConfirmOwed), as the platform's notification service client.
/// </summary>
public sealed partial class ReportingConfirmation(
    ReportingV1.SupervisionChecks.SupervisionChecksClient reporting,
    ILogger<ReportingConfirmation> logger) : IOwedConfirmation
{
    public async Task<IReadOnlySet<long>?> StillOwedAsync(
        string tenant,
        IReadOnlyList<OwedReport> items,
        CancellationToken cancellationToken)
    {
        try
        {
            var owed = new HashSet<(string, string, string)>();
            foreach (var chunk in items.Chunk(2000))
            {
                var request = new ReportingV1.ConfirmOwedRequest { TenantId = tenant };
                request.Items.AddRange(chunk.Select(Item));
                var response = await reporting.ConfirmOwedAsync(
                    request,
                    deadline: DateTime.UtcNow.AddSeconds(15),
                    cancellationToken: cancellationToken);
                owed.UnionWith(response.StillOwed.Select(i => (i.TaskId, i.Period, i.LeadUnitId)));
            }

            var still = items.Where(o => owed.Contains((o.TaskId.ToString(), o.Period, o.LeadUnitId.ToString())))
                .Select(o => o.Id)
                .ToHashSet();
            if (still.Count < items.Count)
            {
                LogHandedIn(items.Count - still.Count, tenant);
            }

            return still;
        }
        catch (
            Exception ex) when (ex is global::Grpc.Core.RpcException or HttpRequestException or ServiceTokenException)
        {
            LogUnconfirmed(tenant, ex.GetBaseException().Message);
            return null;
        }
    }

    private static ReportingV1.OwedItem Item(OwedReport o) =>
        new() { TaskId = o.TaskId.ToString(), Period = o.Period, LeadUnitId = o.LeadUnitId.ToString() };

    [LoggerMessage(Level = LogLevel.Information, Message = "Reporting holds {Count} reports of {Tenant} as handed " +
        "in that this service still had as owed; they are not chased")]
    private partial void LogHandedIn(int count, string tenant);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting could not confirm what {Tenant} still owes " +
        "({Reason}); no reminder, 催办 or 督办单 for it this pass")]
    private partial void LogUnconfirmed(string tenant, string reason);
}
