using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Jobs;
using Platform.ServiceDefaults.Time;

namespace Platform.Hosts.Tests;

/// <summary>The small rules the services share, each named once in a building block.</summary>
public sealed class BuildingBlockRuleTests
{
    [Fact]
    public void ChinasDateTurnsAtSixteenHundredUtc()
    {
        Assert.Equal(
            new DateOnly(2023, 7, 31), ChinaTime.DateOf(new DateTimeOffset(2023, 7, 31, 15, 59, 0, TimeSpan.Zero)));
        Assert.Equal(
            new DateOnly(2023, 8, 1), ChinaTime.DateOf(new DateTimeOffset(2023, 7, 31, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(
            new DateOnly(2023, 8, 1),
            ChinaTime.Today(new FakeTimeProvider(new DateTimeOffset(2023, 7, 31, 20, 0, 0, TimeSpan.Zero))));
        Assert.Equal(TimeSpan.FromHours(8), ChinaTime.Local(DateTimeOffset.UnixEpoch).Offset);
    }

    [Fact]
    public void AUniqueKeyTakenIsTellableFromOtherFailures()
    {
        var taken = new DbUpdateException(
            "save failed",
            new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));
        var other = new DbUpdateException(
            "save failed",
            new PostgresException("violates foreign key", "ERROR", "ERROR", PostgresErrorCodes.ForeignKeyViolation));

        Assert.True(taken.IsUniqueViolation());
        Assert.NotNull(taken.UniqueViolationTable());
        Assert.False(other.IsUniqueViolation());
        Assert.Null(new DbUpdateException("save failed").UniqueViolationTable());
    }

    [Fact]
    public async Task APeriodicJobRunsAsTheSystemOnItsClockAndAFailedPassDoesNotStopIt()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var services = new ServiceCollection().AddScoped<TenantContext>().BuildServiceProvider();
        var job = new CountingJob(services.GetRequiredService<IServiceScopeFactory>(), clock);

        await job.StartAsync(CancellationToken.None);
        await WaitFor(() => job.Passes == 1);
        clock.Advance(TimeSpan.FromMinutes(1));
        await WaitFor(() => job.Passes == 2);
        await job.StopAsync(CancellationToken.None);

        Assert.Equal([true, true], job.RanAsSystem);
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    private sealed class CountingJob(
        IServiceScopeFactory scopes, TimeProvider clock) : PeriodicJob(scopes, clock, NullLogger.Instance)
    {
        public int Passes { get; private set; }

        public List<bool> RanAsSystem { get; } = [];

        protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

        protected override string Name => "Counting";

        protected override Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            Passes++;
            RanAsSystem.Add(services.GetRequiredService<TenantContext>().IsSystem);

            // The first pass fails: the job logs it and still runs the next.
            return Passes == 1 ? throw new InvalidOperationException("first pass fails") : Task.CompletedTask;
        }
    }
}
