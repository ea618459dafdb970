using Platform.MultiTenancy;
using Platform.Reporting.Domain;
using Platform.ServiceDefaults.Time;

namespace Platform.Reporting.Jobs;

/// <summary>
/// When a demo or test stack's clock is set (either way), every period within a year of the new day is recomputed.
/// </summary>
public sealed class LightsOnClockChange(TenantContext tenant, LightProjector lights) : IClockChangeHandler
{
    public async Task OnClockChangedAsync(CancellationToken cancellationToken)
    {
        using (tenant.AsSystem("the lights after a clock change"))
        {
            await lights.RefreshAllAsync(cancellationToken);
        }
    }
}
