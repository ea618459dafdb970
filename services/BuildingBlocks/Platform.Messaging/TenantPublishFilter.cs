using MassTransit;
using Platform.Contracts;

namespace Platform.Messaging;

/// <summary>
/// Refuses to publish a tenant-scoped message without its tenant, and copies the tenant into a header.
/// </summary>
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
