using MassTransit;
using Platform.Contracts;
using Platform.MultiTenancy;

namespace Platform.Messaging;

/// <summary>Header that mirrors the body's tenant for routing and tracing; the body stays the source of truth.</summary>
public static class TenantHeaders
{
    public const string TenantId = "tenant-id";
}

/// <summary>Refuses to publish a tenant-scoped message without its tenant, and copies the tenant into a header.</summary>
public sealed class TenantPublishFilter<T> : IFilter<PublishContext<T>>
    where T : class
{
    public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        if (context.Message is ITenantScoped scoped)
        {
            if (string.IsNullOrWhiteSpace(scoped.TenantId))
            {
                throw new MissingTenantException(typeof(T));
            }

            context.Headers.Set(TenantHeaders.TenantId, scoped.TenantId);
        }

        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenantPublish");
}

/// <summary>
/// Sets the consumer scope's tenant from the message body; a tenant-scoped message without one fails (and lands in
/// the error queue) before any consumer sees it.
/// </summary>
public sealed class TenantConsumeFilter<T>(TenantContext tenant) : IFilter<ConsumeContext<T>>
    where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (context.Message is ITenantScoped scoped)
        {
            if (string.IsNullOrWhiteSpace(scoped.TenantId))
            {
                throw new MissingTenantException(typeof(T));
            }

            tenant.SetTenant(scoped.TenantId);
        }

        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenantConsume");
}
