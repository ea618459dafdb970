namespace Platform.Messaging;

/// <summary>An integration event written in the same transaction as the change it announces.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; init; }

    /// <summary>"Namespace.Type, Assembly": MassTransit's contract is the full type name.</summary>
    public required string MessageType { get; init; }

    public required string Body { get; init; }

    public string? TenantId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SentAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>
    /// While a relay publishes a claimed row it holds this lease instead of a database lock: no transaction stays open
    /// across a network call, and a relay that dies mid-publish leaves a row another relay takes over once the lease
    /// has run out (the broker may then see it twice; the consumers' inboxes apply it once).
    /// </summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public string? LastError { get; set; }
}
