using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Platform.Contracts.Events;
using Platform.Contracts.Notifications.V1;
using Platform.MultiTenancy;
using ItemState = Platform.Notifications.Domain.ItemState;
using Platform.Notifications.Rules;

namespace Platform.Notifications.Tests;

/// <summary>
/// A month of report events delivered in a shuffled order, each twice with its id and once more under a new id (a
/// replay), the list itself somewhere among them: the owed-report state ends as reporting's, and the ladder run past
/// the 督办 date chases exactly the reports still open — none that was handed in.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class ShuffledEventsTests(NotificationsApp app)
{
    private const int Tasks = 30;
    private static int lastDistrict;
    private readonly string district = $"5008{Interlocked.Increment(ref lastDistrict):D2}";
    private readonly Guid market = Guid.NewGuid();
    private readonly Guid finance = Guid.NewGuid();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task AnyOrderDuplicatesAndReplaysEndInReportingsStateAndNoHandedInReportIsChased(int seed)
    {
        var scj = await app.PersonAsync(district, "unit-reporter", market);
        var czj = await app.PersonAsync(district, "unit-reporter", finance);
        var office = await app.PersonAsync(district, "district-admin");
        var taskIds = Enumerable.Range(0, Tasks).Select(_ => Guid.NewGuid()).ToArray();
        Guid Lead(int i) => i % 2 == 0 ? market : finance;

        var events = new List<(object Message, Guid Id)> { (List(taskIds, Lead), Guid.NewGuid()) };
        var expected = new Dictionary<int, ItemState>();
        for (var i = 0; i < Tasks; i++)
        {
            // What reporting did to each report, version by version (1 was the first saved draft, 4 an edit).
            object[] story = (i % 5) switch
            {
                0 => [],
                1 => [Submitted(taskIds[i], Lead(i), 2)],
                2 => [Submitted(taskIds[i], Lead(i), 2), Returned(taskIds[i], Lead(i), 3)],
                3 => [Submitted(taskIds[i], Lead(i), 2), Accepted(taskIds[i], Lead(i), 3)],
                _ => [
                    Submitted(taskIds[i], Lead(i), 2),
                    Returned(taskIds[i], Lead(i), 3),
                    Submitted(taskIds[i], Lead(i), 5),
                    Accepted(taskIds[i], Lead(i), 6)],
            };
            expected[i] =
                (i % 5) switch { 0 or 2 => ItemState.Open, 1 => ItemState.Submitted, _ => ItemState.Accepted };
            foreach (var message in story)
            {
                var id = Guid.NewGuid();
                events.Add((message, id));
                events.Add((message, id));              // redelivered
                events.Add((message, Guid.NewGuid()));  // replayed under a new id: only the version tells it apart
            }
        }

        var random = new Random(seed);
        foreach (var (message, id) in events.OrderBy(_ => random.Next()))
        {
            await app.Bus.Publish(message, message.GetType(), c => c.MessageId = id);
        }

        await app.EventuallyAsync(async db =>
        {
            var september = await db.OwedReports
                .Where(o => o.TenantId == district && o.Period == "2023-09")
                .ToListAsync();
            return september.Count == Tasks
                && september.All(o => o.State == expected[Array.IndexOf(taskIds, o.TaskId)]);
        });

        // Past the 督办 date of September (due 30th, grace 5 days, escalation 3 days later).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var platform = scope.ServiceProvider.GetRequiredService<TenantContext>().AsSystem("test set-up");
            var ladder = ActivatorUtilities.CreateInstance<SupervisionLadder>(scope.ServiceProvider,
                (TimeProvider)new FakeTimeProvider(new DateTimeOffset(2023, 10, 20, 1, 0, 0, TimeSpan.Zero)));
            await ladder.RunAsync(CancellationToken.None);
        }

        var chased = new List<string>();
        foreach (var person in new[] { scj, czj, office })
        {
            var inbox = await new Contracts.Notifications.V1.Inbox
                .InboxClient(app.Channel)
                .ListNotificationsAsync(new ListNotificationsRequest(), person.Token);
            chased.AddRange(
                inbox.Notifications.Where(n => n.Kind is NotificationKind.Overdue or NotificationKind.Escalation
                    && n.Period == "2023-09").Select(n => n.Body));
        }

        Assert.NotEmpty(chased);
        for (var i = 0; i < Tasks; i++)
        {
            var listed = chased.Any(body => body.Contains($"任务{i + 1}：", StringComparison.Ordinal));
            Assert.True(listed == (expected[i] == ItemState.Open),
                $"任务{i + 1} ({expected[i]}) was " +
                $"{(listed ? "chased although it was handed in" : "not chased although it is open")}");
        }
    }

    private TaskListPublished List(Guid[] taskIds, Func<int, Guid> lead) => new()
    {
        TenantId = district, TaskListId = Guid.NewGuid(), Year = 2023, Version = 1, IssuedOn = new DateOnly(2023, 9, 1),
        Tasks = taskIds.Select((id, i) => new PublishedTask
        {
            TaskId = id,
            Number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Text = $"测试任务{i + 1}",
            LeadUnits = [new AssignedUnit(lead(i), lead(i) == market ? "区市场监管局" : "区财政局")],
        }).ToList(),
    };

    private ReportSubmitted Submitted(Guid task, Guid lead, int version) =>
        ReportEvents.Submitted(district, task, "2023-09", lead, version);

    private ReportReturned Returned(Guid task, Guid lead, int version) =>
        ReportEvents.Returned(district, task, "2023-09", lead, version: version);

    private ReportAccepted Accepted(Guid task, Guid lead, int version) =>
        ReportEvents.Accepted(district, task, "2023-09", lead, version);
}
