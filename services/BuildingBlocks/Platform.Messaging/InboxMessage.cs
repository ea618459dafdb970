namespace Platform.Messaging;

/// <summary>A message a consumer has applied; a redelivery with the same id is skipped.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }

    public required string Consumer { get; init; }

    public string? TenantId { get; init; }

    public DateTimeOffset ProcessedAt { get; init; }
}
