using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;

namespace Platform.Notifications.Tests;

/// <summary>
/// The notification service's copy of a person follows the account's versions: a change arriving late (a replay, a
/// redelivery after a newer one) does not bring back a disabled person's old state, and an e-mail and a mobile number
/// travel with the account.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class AccountCopyTests(NotificationsApp app)
{
    [Fact]
    public async Task AnOlderAccountChangeArrivingLateChangesNothing()
    {
        const string district = "500199";
        var id = Guid.NewGuid();
        AccountChanged Version(int version, bool disabled, string name) => new()
        {
            TenantId = district,
            AccountId = id,
            Username = "yz.late",
            DisplayName = name,
            Roles = ["unit-reporter"],
            UnitId = Guid.NewGuid(),
            Disabled = disabled, Email = $"v{version}@yz.gov.cn", Mobile = "13800001234", Version = version,
        };

        await app.Bus.Publish(Version(2, disabled: false, "二版"));
        await app.EventuallyAsync(async db => await db.Recipients.AnyAsync(r => r.Id == id && r.Version == 2));
        await app.Bus.Publish(Version(3, disabled: true, "三版"));
        await app.EventuallyAsync(async db => await db.Recipients.AnyAsync(r => r.Id == id && r.Version == 3));

        var late = Guid.NewGuid();
        await app.Bus.Publish(Version(2, disabled: false, "二版"), c => c.MessageId = late);
        await app.EventuallyAsync(async db => await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == late));
        await app.EventuallyAsync(async db => await db.Recipients.AnyAsync(r =>
            r.Id == id
                && r.Version == 3
                && r.Disabled
                && r.DisplayName == "三版"
                && r.Email == "v3@yz.gov.cn"
                && r.Mobile == "13800001234"));
    }
}
