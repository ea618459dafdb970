using MassTransit;
using Platform.Contracts;
using Platform.MultiTenancy;

namespace Platform.Messaging;

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
