using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.MultiTenancy;
using Platform.Reporting.Data;
using Platform.Reporting.Domain;

namespace Platform.Reporting.Tests;

/// <summary>
/// The clock's pass over a month's lights (<see cref="LightProjector.RefreshAsync"/>) raced by another writer on real
/// PostgreSQL: the other writer holds its change in an open transaction until the pass is blocked on it, then commits.
/// The pass must not fail and lose its work; it computes the month again over what the other writer stored.
/// </summary>
[Collection(ReportingCollection.Name)]
public sealed class LightRaceTests(ReportingApp app)
{
    private const string Month = "2023-11";
    private const string OtherWritersText = "另一写入方";
    private static readonly DateOnly DueOn = new(2023, 11, 30);

    [Fact]
    public async Task APassWhoseNewLightAnotherWriterInsertedFirstComputesTheMonthAgain()
    {
        var (task, lead) = await PublishedTaskAsync("500186");
        await WithDbAsync(db => db.Lights.Where(l => l.TaskId == task).ExecuteDeleteAsync());

        // The other writer adds the light the pass is about to add: the pass's insert waits on the unique index, then
        // breaks it.
        await RaceAsync(db =>
        {
            db.Lights.Add(new TaskLight
            {
                TenantId = "500186", TaskId = task, Period = Month, LeadUnitId = lead, LeadUnitName = "区科技局",
                TaskNumber = "1", DueOn = DueOn, Light = Light.Red, Reasons = OtherWritersText,
            });
            return Task.CompletedTask;
        });

        await TheRowIsThePassesOwnAsync(task);
    }

    [Fact]
    public async Task APassWhoseLightAnotherWriterDeletedComputesTheMonthAgain()
    {
        var (task, _) = await PublishedTaskAsync("500187");
        await RefreshAsync();
        // A row the pass has to update.
        await WithDbAsync(db => db.Lights.Where(l => l.TaskId == task)
            .ExecuteUpdateAsync(l => l.SetProperty(x => x.Reasons, OtherWritersText)));

        // The other writer deletes the row (a republished list retires its task): the pass's update waits on the row
        // lock, then finds no row.
        await RaceAsync(db => db.Lights.Where(l => l.TaskId == task).ExecuteDeleteAsync());

        await TheRowIsThePassesOwnAsync(task);
    }

    private IServiceProvider Services => app.Services;

    /// <summary>
    /// Runs <paramref name="otherWriter"/> in a transaction left open, starts the pass over the month, waits until the
    /// pass is blocked by that transaction, commits it, and waits for the pass to finish.
    /// </summary>
    private async Task RaceAsync(Func<ReportingDbContext, Task> otherWriter)
    {
        await using var scope = Services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("the other writer");
        var other = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        await using var transaction = await other.Database.BeginTransactionAsync();
        await otherWriter(other);
        await other.SaveChangesAsync();

        var pass = Task.Run(RefreshAsync);
        await Eventually.TrueAsync(
            async () => pass.IsCompleted || await BlockedOnLightsAsync(),
            "the pass never reached the other writer's lock");
        Assert.False(pass.IsCompleted, "the pass did not wait for the other writer: the race was not staged");
        await transaction.CommitAsync();
        Assert.True(await pass >= 1);
    }

    /// <summary>
    /// The raced pass left the row a calm pass leaves: not the other writer's, and unchanged when computed again.
    /// </summary>
    private async Task TheRowIsThePassesOwnAsync(Guid task)
    {
        var raced = await LightOfAsync(task);
        Assert.NotEqual(OtherWritersText, raced.Reasons);
        await RefreshAsync();
        var calm = await LightOfAsync(task);
        Assert.Equal((calm.Id, calm.Light, calm.Reasons), (raced.Id, raced.Light, raced.Reasons));
    }

    /// <summary>The clock's pass over the month, in a scope of its own as the light clock runs it.</summary>
    private async Task<int> RefreshAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("the light clock");
        return await scope.ServiceProvider.GetRequiredService<LightProjector>()
            .RefreshAsync(DueOn, DueOn, CancellationToken.None);
    }

    private Task<TaskLight> LightOfAsync(Guid task) =>
        WithDbAsync(db => db.Lights.AsNoTracking().SingleAsync(l => l.TaskId == task && l.Period == Month));

    /// <summary>Whether a session waits for a lock while writing task_lights: the pass, held by the writer.</summary>
    private async Task<bool> BlockedOnLightsAsync() => await WithDbAsync(db => db.Database
        .SqlQueryRaw<int>(
            """
            select count(*)::int as "Value" from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and query ilike '%task_lights%'
            """)
        .SingleAsync()) > 0;

    /// <summary>A district of this test with one published task led by one unit, its periods stored.</summary>
    private async Task<(Guid Task, Guid Lead)> PublishedTaskAsync(string district)
    {
        var task = Guid.NewGuid();
        var lead = Guid.NewGuid();
        await Services.GetRequiredService<IBus>().Publish(PublishedLists.Of(
            district,
            1,
            new DateOnly(2023, 6, 1),
            new PublishedTask
            {
                TaskId = task, Number = "1", Category = "科技创新", Text = "新增高新技术企业 20 家。",
                LeadUnits = [new AssignedUnit(lead, "区科技局")],
            }));
        await Eventually.TrueAsync(
            () => WithDbAsync(db => db.Periods.AnyAsync(p => p.TenantId == district
                && p.DueOn == DueOn
                && db.Tasks.Any(t => t.Id == task && t.Active && t.TaskListId == p.TaskListId))),
            "the published list never reached the reporting projection");
        return (task, lead);
    }

    private async Task<T> WithDbAsync<T>(Func<ReportingDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        using var system = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
        return await work(scope.ServiceProvider.GetRequiredService<ReportingDbContext>());
    }
}
