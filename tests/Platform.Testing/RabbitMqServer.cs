using Testcontainers.RabbitMq;
using Xunit;

namespace Platform.Testing;

/// <summary>A real RabbitMQ broker: a container where Docker answers, else DUBAN_TEST_RABBITMQ (an amqp:// URI).</summary>
public sealed class RabbitMqServer : IAsyncLifetime
{
    private RabbitMqContainer? container;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DUBAN_TEST_RABBITMQ");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            ConnectionString = fromEnvironment;
            return;
        }

        container = await Containers.TryStartAsync(() => new RabbitMqBuilder("rabbitmq:3.13-alpine").Build())
            ?? throw new InvalidOperationException(
                "No RabbitMQ for the tests: no Docker engine answers and DUBAN_TEST_RABBITMQ is not set. Run deploy/local/test.sh.");
        ConnectionString = container.GetConnectionString();
    }

    public async Task DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
        }
    }
}

/// <summary>Both servers, for tests of a host that needs a database and the broker.</summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    public PostgresServer Postgres { get; } = new();

    public RabbitMqServer RabbitMq { get; } = new();

    public async Task InitializeAsync()
    {
        await Postgres.InitializeAsync();
        await RabbitMq.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await RabbitMq.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
