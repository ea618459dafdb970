namespace Platform.Contracts.Events;

/// <summary>A division became a tenant of the platform.</summary>
public sealed record TenantProvisioned : ITenantScoped
{
    public required string TenantId { get; init; }
    public required string Name { get; init; }
    public string? ParentId { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
