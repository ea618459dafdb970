using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.Messaging;

/// <summary>
/// The error queues of this service's receive endpoints (<c>{queue}_error</c>, and <c>{queue}_skipped</c> for messages
/// no consumer takes): their depth (a metric and /health's detail) and the operator's re-drive, which moves their
/// messages back to the queue they failed on. A message keeps its MessageId, so one that was applied after all (or is
/// moved twice by a re-drive interrupted between publish and acknowledgement) is skipped by the consumer's inbox.
/// </summary>
public sealed partial class ErrorQueues : IEndpointConfigurationObserver, IAsyncDisposable
{
    public const string RedrivenHeader = "duban-redriven";
    private readonly ConcurrentDictionary<string, byte> queues = new(StringComparer.Ordinal);
    private readonly Uri broker;
    private readonly ILogger<ErrorQueues> logger;
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile IReadOnlyList<QueueDepth> lastDepths = [];
    private volatile string? lastError;
    private IConnection? connection;

    public ErrorQueues(string connectionString, IMeterFactory meters, ILogger<ErrorQueues> logger)
    {
        broker = new Uri(connectionString);
        this.logger = logger;
        meters.Create(MessagingMetrics.MeterName).CreateObservableGauge("duban.rabbitmq.error_queue.messages",
            () => lastDepths.Select(
                d => new Measurement<long>(d.Error, new KeyValuePair<string, object?>("queue", d.Queue + "_error"))),
            unit: "{message}", description: "Messages waiting in this service's error queues");
    }

    /// <summary>The receive queues this service consumes from (its error queues are these plus "_error").</summary>
    public IReadOnlyCollection<string> Queues => queues.Keys.Order(StringComparer.Ordinal).ToList();

    public void EndpointConfigured<T>(T configurator)
        where T : IReceiveEndpointConfigurator
    {
        var address = configurator.InputAddress;
        var name = address.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();
        // The bus's own temporary endpoint (responses, "{host}_{process}_bus_{id}") dies with the process and has no
        // error queue worth watching.
        if (address.Query.Contains("temporary=true", StringComparison.OrdinalIgnoreCase)
            || name.Contains("_bus_", StringComparison.Ordinal))
        {
            return;
        }

        queues.TryAdd(name, 0);
    }

    /// <summary>
    /// Each queue's depth, its error queue's and its skipped queue's, with what failed the oldest error.
    /// </summary>
    public async Task<IReadOnlyList<QueueDepth>> DepthsAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var depths = new List<QueueDepth>();
            var connected = await ConnectAsync(cancellationToken);
            foreach (var queue in Queues)
            {
                var ready = await CountAsync(connected, queue, cancellationToken);
                var error = await CountAsync(connected, queue + "_error", cancellationToken);
                var skipped = await CountAsync(connected, queue + "_skipped", cancellationToken);
                depths.Add(new QueueDepth(queue, ready, error, skipped));
            }

            lastDepths = depths;
            lastError = null;
            return depths;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            lastError = ex.GetBaseException().Message;
            await DropConnectionAsync();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Moves what waits in the error (and skipped) queues back to their queues: all of them, or one queue's (named with
    /// or without its "_error" suffix). Takes at most the messages present when it starts, so a message that fails
    /// again is not moved round in a loop.
    /// </summary>
    public async Task<IReadOnlyList<Redriven>> RedriveAsync(string? queue, CancellationToken cancellationToken)
    {
        var targets = Queues.ToList();
        if (!string.IsNullOrWhiteSpace(queue))
        {
            var name = queue.Trim();
            name = name.EndsWith("_error", StringComparison.Ordinal) ? name[..^"_error".Length]
                : name.EndsWith("_skipped", StringComparison.Ordinal) ? name[..^"_skipped".Length] : name;
            if (!targets.Contains(name, StringComparer.Ordinal))
            {
                throw new KeyNotFoundException($"This service consumes no queue '{queue}'; its queues are: " +
                    $"{string.Join(", ", targets)}.");
            }

            targets = [name];
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            var connected = await ConnectAsync(cancellationToken);
            var result = new List<Redriven>();
            foreach (var target in targets)
            {
                var moved = await MoveAsync(connected, target + "_error", target, cancellationToken)
                    + await MoveAsync(connected, target + "_skipped", target, cancellationToken);
                result.Add(new Redriven(target, moved));
                if (moved > 0)
                {
                    LogRedriven(moved, target);
                }
            }

            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await DropConnectionAsync();
            throw;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// /health's detail: the depths the last measurement saw; never a reason to be unready by itself.
    /// </summary>
    public HealthCheckResult ToHealth()
    {
        var depths = lastDepths;
        var waiting = depths.Where(d => d.Error + d.Skipped > 0).ToList();
        var data = depths.ToDictionary(d => d.Queue + "_error", d => (object)d.Error);
        if (lastError is { } error)
        {
            data["lastError"] = error;
        }

        return HealthCheckResult.Healthy(
            waiting.Count == 0 ? "error queues empty"
                : $"{waiting.Sum(d => d.Error + d.Skipped)} messages wait in error queues " +
                    $"({string.Join(", ", waiting.Select(d => d.Queue + "_error"))}); re-drive them with `platform " +
                    "ops redrive`",
            data);
    }

    private async Task<int> MoveAsync(
        IConnection connected, string from, string to, CancellationToken cancellationToken)
    {
        await using var channel = await connected.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        uint present;
        try
        {
            present = (await channel.QueueDeclarePassiveAsync(from, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0; // MassTransit declares an error queue when the first message fails: none yet, nothing to move.
        }

        var moved = 0;
        for (var i = 0; i < present; i++)
        {
            var message = await channel.BasicGetAsync(from, autoAck: false, cancellationToken);
            if (message is null)
            {
                break;
            }

            var properties = Copy(message.BasicProperties);
            // Published and confirmed before the original is acknowledged: a crash in between leaves a copy in both
            // queues, never in neither.
            await channel.BasicPublishAsync(
                string.Empty, to, mandatory: true, properties, message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }

        return moved;
    }

    private static BasicProperties Copy(IReadOnlyBasicProperties source)
    {
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal);
        var redriven = 0;
        foreach (var (key, value) in source.Headers ?? new Dictionary<string, object?>())
        {
            // The fault's description stays in the log of the failure; the message goes back as it was first sent.
            if (key.StartsWith("MT-Fault", StringComparison.Ordinal) || key == "MT-Reason")
            {
                continue;
            }

            if (key == RedrivenHeader)
            {
                redriven = value switch
                {
                    int n => n,
                    long n => (int)n,
                    byte[] bytes when int.TryParse(Encoding.UTF8.GetString(bytes), out var n) => n,
                    _ => 0,
                };
                continue;
            }

            headers[key] = value;
        }

        headers[RedrivenHeader] = redriven + 1;
        return new BasicProperties
        {
            MessageId = source.MessageId,
            CorrelationId = source.CorrelationId,
            ContentType = source.ContentType,
            ContentEncoding = source.ContentEncoding,
            Type = source.Type,
            DeliveryMode = DeliveryModes.Persistent,
            Headers = headers,
        };
    }

    private static async Task<uint> CountAsync(IConnection connected, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a queue that does not exist closes its channel: one channel per question.
        await using var channel = await connected.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (connection is { IsOpen: true } open)
        {
            return open;
        }

        await DropConnectionAsync();
        var factory = new ConnectionFactory
        {
            Uri = broker,
            ClientProvidedName = "duban-error-queues",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        connection = await factory.CreateConnectionAsync(cancellationToken);
        return connection;
    }

    private async Task DropConnectionAsync()
    {
        if (connection is { } old)
        {
            connection = null;
            try
            {
                await old.DisposeAsync();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogCloseFailed(ex.GetBaseException().Message);
            }
        }
    }

    public async ValueTask DisposeAsync() => await DropConnectionAsync();

    [LoggerMessage(
        Level = LogLevel.Warning, Message = "Re-drove {Count} messages from the error queues back to {Queue}")]
    private partial void LogRedriven(int count, string queue);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the error-queue connection failed: {Reason}")]
    private partial void LogCloseFailed(string reason);
}
