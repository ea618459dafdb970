namespace Platform.Contracts.Events;

/// <summary>
/// A person's account was created or changed: who they are, their unit and roles, how to reach them. Services that
/// address people (the notifications) keep their own copy and apply an event only over an older one
/// (<see cref="Version"/>, counting the account's changes; 0 from a publisher that sent none). No password or secret
/// travels.
/// </summary>
public sealed record AccountChanged : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid AccountId { get; init; }
    public required string Username { get; init; }
    public required string DisplayName { get; init; }
    public Guid? UnitId { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
    public bool Disabled { get; init; }
    public string? Email { get; init; }
    public string? Mobile { get; init; }
    public int Version { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
