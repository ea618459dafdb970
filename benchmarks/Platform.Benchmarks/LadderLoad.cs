extern alias notifications;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Testing;
using notifications::Platform.Notifications.Data;
using notifications::Platform.Notifications.Domain;
using notifications::Platform.Notifications.Rules;

namespace Platform.Benchmarks;

/// <summary>
/// Times one reminder wave of the supervision ladder end to end (read what is owed, build each person's digest, write
/// the inbox rows) for a district of 90 tasks and for 38 districts × 300 tasks, then runs the wave again to show that
/// nothing is written twice.
/// Run: dotnet run -c Release --project benchmarks/Platform.Benchmarks -- ladder (PostgreSQL from DUBAN_TEST_POSTGRES).
/// </summary>
public static class LadderLoad
{
    /// <summary>The harness signs its tenant contexts like a service does; the key goes into each database it migrates.</summary>
    private static readonly TenantContextKey Key = new(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    private static readonly DateTimeOffset ReminderDay = new(2023, 7, 27, 1, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync()
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        Console.WriteLine($"{"wave",-30} {"owed",8} {"messages",9} {"seconds",8} {"msg/s",8} {"again",6} {"unique",7}");
        foreach (var (name, districts, tasks) in new[] { ("one district, 90 tasks", 1, 90), ("38 districts × 300 tasks", 38, 300) })
        {
            var database = await postgres.CreateDatabaseAsync("ladder");
            try
            {
                await RunWaveAsync(name, database, districts, tasks);
            }
            finally
            {
                await DashboardLoad.DropAsync(postgres, database);
            }
        }

        await postgres.DisposeAsync();
        return 0;
    }

    private static async Task RunWaveAsync(string name, TestDatabase database, int districts, int tasksPerDistrict)
    {
        var system = new TenantContext();
        using var platform = system.AsSystem("benchmark set-up");
        var owed = 0;
        await using (var db = Context(database.OwnerConnectionString, system))
        {
            await db.Database.MigrateAsync();
            await Key.StoreAsync(db.Database.GetDbConnection());
            for (var d = 1; d <= districts; d++)
            {
                var tenant = $"5001{d:D2}";
                var units = Enumerable.Range(1, 17).Select(i => (Id: Guid.NewGuid(), Name: $"区部门{i:D2}")).ToList();
                db.Recipients.AddRange(units.Select(u => new Recipient
                {
                    Id = Guid.NewGuid(), TenantId = tenant, Username = $"r{Guid.NewGuid():N}"[..12], DisplayName = u.Name, UnitId = u.Id, Roles = ["unit-reporter"],
                }));
                db.Recipients.Add(new Recipient { Id = Guid.NewGuid(), TenantId = tenant, Username = $"l{Guid.NewGuid():N}"[..12], DisplayName = "领导", Roles = ["district-leader"] });
                for (var t = 1; t <= tasksPerDistrict; t++)
                {
                    var unit = units[t % units.Count];
                    db.OwedReports.Add(new OwedReport
                    {
                        TenantId = tenant, TaskListId = Guid.Empty, TaskId = Guid.NewGuid(), TaskNumber = t.ToString(CultureInfo.InvariantCulture), TaskOrder = t,
                        TaskText = $"第{t}项任务：审批时限压减。", LeadUnitId = unit.Id, LeadUnitName = unit.Name, Period = "2023-07", DueOn = new DateOnly(2023, 7, 31),
                    });
                    owed++;
                }
            }

            await db.SaveChangesAsync();
            await using var analyze = new NpgsqlCommand("ANALYZE", (NpgsqlConnection)db.Database.GetDbConnection());
            await db.Database.OpenConnectionAsync();
            await analyze.ExecuteNonQueryAsync();
        }

        var watch = Stopwatch.StartNew();
        var written = await WaveAsync(database.OwnerConnectionString, system);
        var seconds = watch.Elapsed.TotalSeconds;
        var again = await WaveAsync(database.OwnerConnectionString, system);
        await using var check = Context(database.OwnerConnectionString, system);
        var unique = await check.Notifications.Select(n => new { n.RecipientId, n.CauseKey }).Distinct().CountAsync() == await check.Notifications.CountAsync();
        Console.WriteLine($"{name,-30} {owed,8:N0} {written,9:N0} {seconds,8:N2} {written / seconds,8:N0} {again,6} {(unique ? "yes" : "NO"),7}");
    }

    private static async Task<int> WaveAsync(string connectionString, ITenantContext system)
    {
        await using var db = Context(connectionString, system);
        var clock = new FixedClock(ReminderDay);
        var writer = new NotificationWriter(db, clock, new InboxSignal(), new ConfigurationBuilder().Build());
        var outbox = new Outbox<NotificationsDbContext>(db);
        return await new SupervisionLadder(db, writer, new OwnStateConfirmation(), outbox, clock)
            .RunAsync(CancellationToken.None);
    }

    private static NotificationsDbContext Context(string connectionString, ITenantContext tenant) =>
        new(new DbContextOptionsBuilder<NotificationsDbContext>().UseNpgsql(connectionString).AddInterceptors(new TenantConnectionInterceptor(tenant, Key)).Options, tenant);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
