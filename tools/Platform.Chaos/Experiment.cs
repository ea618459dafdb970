namespace Platform.Chaos;

/// <summary>One fault: what it does, and the injection itself (it returns when the fault has ended).</summary>
/// <param name="Key">Short, for the markers the load writes.</param>
public sealed record Experiment(string Key, string Name, Func<Task> Inject)
{
    public static IReadOnlyList<Experiment> All(Stack stack, Databases db, ChaosOptions options)
    {
        async Task KillAndRestart(string what)
        {
            await stack.KillAsync(what);
            await Task.Delay(options.Down);
            await stack.StartAsync(what);
        }

        return
        [
            new("pg", "kill -9 PostgreSQL", () => KillAndRestart("postgres")),
            new("mq", "kill -9 RabbitMQ", () => KillAndRestart("rabbitmq")),
            new("nk", "kill -9 notifications", () => KillAndRestart("notifications")),
            new("rk", "kill -9 reporting", () => KillAndRestart("reporting")),
            new("db", $"notifications DB refuses connections {options.Outage.TotalSeconds:0} s", async () =>
            {
                // The superuser closes the database to new sessions and ends the service's own; the service sees its
                // database gone while the rest of the stack (and the broker) keeps going.
                await db.ExecuteAsync("ALTER DATABASE duban_notifications ALLOW_CONNECTIONS false");
                try
                {
                    await db.ExecuteAsync(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = 'duban_notifications' AND pid <> pg_backend_pid()");
                    await Task.Delay(options.Outage);
                }
                finally
                {
                    await db.ExecuteAsync("ALTER DATABASE duban_notifications ALLOW_CONNECTIONS true");
                }
            }),
            new("ps", $"notifications paused {options.Outage.TotalSeconds:0} s (backlog)", async () =>
            {
                await stack.PauseAsync("notifications");
                try
                {
                    await Task.Delay(options.Outage);
                }
                finally
                {
                    await stack.ResumeAsync("notifications");
                }
            }),
        ];
    }
}
