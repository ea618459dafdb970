using Platform.MultiTenancy;
using Platform.Notifications.Rules;
using Platform.ServiceDefaults.Time;

namespace Platform.Notifications.Jobs;

/// <summary>A demo or test stack's clock was set: the ladder runs for the new day at once.</summary>
public sealed class LadderOnClockChange(TenantContext tenant, SupervisionLadder ladder) : IClockChangeHandler
{
    public async Task OnClockChangedAsync(CancellationToken cancellationToken)
    {
        using (tenant.AsSystem("the supervision ladder after a clock change"))
        {
            await ladder.RunAsync(cancellationToken);
        }
    }
}
