using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.MultiTenancy;

namespace Platform.Reporting.Data;

/// <summary>The reporting service's database. It holds only the outbox and inbox until the service gets its domain.</summary>
public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options, ITenantContext tenant) : TenantDbContext(options, tenant)
{
    protected override void ConfigureModel(ModelBuilder modelBuilder) => modelBuilder.AddOutboxAndInbox();
}
