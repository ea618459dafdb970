using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Consumers;

/// <summary>Keeps the names of tenants, which the municipal view shows as its columns.</summary>
public sealed class TenantProvisionedConsumer(ReportingDbContext db, ILogger<TenantProvisionedConsumer> logger)
    : InboxConsumer<TenantProvisioned, ReportingDbContext>(db, logger)
{
    protected override async Task HandleAsync(
        TenantProvisioned message,
        ConsumeContext<TenantProvisioned> context,
        CancellationToken cancellationToken)
    {
        var district = await Db.Districts.SingleOrDefaultAsync(d => d.TenantId == message.TenantId, cancellationToken);
        if (district is null)
        {
            Db.Districts.Add(new District
            {
                TenantId = message.TenantId,
                Name = message.Name,
                ParentId = message.ParentId,
            });
        }
        else
        {
            district.Name = message.Name;
            district.ParentId = message.ParentId;
        }
    }
}
