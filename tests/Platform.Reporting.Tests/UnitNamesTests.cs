using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Reporting.V1;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Reporting.Data;

namespace Platform.Reporting.Tests;

/// <summary>
/// A unit renamed in the directory: the tasks, lights and contributions name it anew; an older event arriving late, and
/// a list published before the rename arriving after it, bring back no old name.
/// </summary>
[Collection(ReportingCollection.Name)]
public sealed class UnitNamesTests(ReportingApp app)
{
    private const string District = "500296";
    private readonly Guid lead = Guid.NewGuid();
    private readonly Guid shared = Guid.NewGuid();

    [Fact]
    public async Task ARenamedUnitIsNamedAnewEverywhereAndALateEventOrListBringsBackNoOldName()
    {
        var bus = app.Services.GetRequiredService<IBus>();
        var task = Guid.NewGuid();
        await bus.Publish(List(1, task));
        await EventuallyAsync(async db => await db.Lights.AnyAsync(l => l.TaskId == task));

        await bus.Publish(Renamed(lead, "区经济信息委", 3));
        await bus.Publish(Renamed(shared, "区财政局（新）", 2));
        await EventuallyAsync(async db =>
        {
            var tracked = await db.Tasks.SingleAsync(t => t.Id == task);
            return tracked.LeadUnitNames.SequenceEqual(["区经济信息委"])
                && tracked.ResponsibleUnitNames.SequenceEqual(["区财政局（新）"])
                && await db.Lights.Where(l => l.TaskId == task).AllAsync(l => l.LeadUnitName == "区经济信息委");
        });

        // The directory's version 2 of the unit (its name before), delivered late, changes nothing.
        var late = Guid.NewGuid();
        await bus.Publish(Renamed(lead, "区经信委", 2), c => c.MessageId = late);
        await EventuallyAsync(async db => await db.Set<InboxMessage>()
            .AnyAsync(m => m.MessageId == late && m.Consumer.EndsWith("UnitNamesConsumer")));

        // So does version 2 of the list, published before the rename and arriving after it.
        var next = Guid.NewGuid();
        await bus.Publish(List(2, next));
        await EventuallyAsync(async db => await db.Tasks.AnyAsync(t => t.Id == next));
        await EventuallyAsync(async db =>
        {
            var current = await db.Tasks.SingleAsync(t => t.Id == next);
            var first = await db.Tasks.SingleAsync(t => t.Id == task);
            return current.LeadUnitNames.SequenceEqual(["区经济信息委"]) && first.LeadUnitNames.SequenceEqual(["区经济信息委"])
                && await db.Lights.Where(l => l.TaskId == next).AllAsync(l => l.LeadUnitName == "区经济信息委");
        });
    }

    private UnitChanged Renamed(Guid unit, string name, int version) => new()
    {
        TenantId = District,
        UnitId = unit,
        Change = UnitChangeKind.Renamed,
        Name = name,
        Version = version,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private TaskListPublished List(int version, Guid task) => PublishedLists.Of(
        District,
        version,
        new DateOnly(2023, 6, 1),
        new PublishedTask
        {
            TaskId = task,
            Number = "1",
            Text = "数字经济发展。",
            LeadUnits = [new AssignedUnit(lead, "区经信委")],
            ResponsibleUnits = [new AssignedUnit(shared, "区财政局")],
        });

    private async Task EventuallyAsync(Func<ReportingDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
                if (await condition(scope.ServiceProvider.GetRequiredService<ReportingDbContext>()))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "the expected state never arrived");
            await Task.Delay(200);
        }
    }
}
