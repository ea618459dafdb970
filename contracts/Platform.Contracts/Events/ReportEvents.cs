namespace Platform.Contracts.Events;

/// <summary>A lead unit submitted (or resubmitted) its monthly report.</summary>
public sealed record ReportSubmitted : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid TaskId { get; init; }
    public required string Period { get; init; }
    public required Guid LeadUnitId { get; init; }
    public required string SubmittedBy { get; init; }
    /// <summary>The report's version after this change (incremented with every change, in the same transaction): a
    /// consumer holding a higher version ignores this event, so any order of delivery ends in reporting's state.</summary>
    public int ReportVersion { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The district office returned a report with a comment.</summary>
public sealed record ReportReturned : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid TaskId { get; init; }
    public required string Period { get; init; }
    public required Guid LeadUnitId { get; init; }
    public required string Comment { get; init; }
    public required string ReturnedBy { get; init; }
    /// <summary>The report's version after this change (incremented with every change, in the same transaction): a
    /// consumer holding a higher version ignores this event, so any order of delivery ends in reporting's state.</summary>
    public int ReportVersion { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The district office accepted a report.</summary>
public sealed record ReportAccepted : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid TaskId { get; init; }
    public required string Period { get; init; }
    public required Guid LeadUnitId { get; init; }
    public required string AcceptedBy { get; init; }
    /// <summary>The report's version after this change (incremented with every change, in the same transaction): a
    /// consumer holding a higher version ignores this event, so any order of delivery ends in reporting's state.</summary>
    public int ReportVersion { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A task's computed light changed for a period (a report was late, a target fell behind, a report was accepted).</summary>
public sealed record TaskLightChanged : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid TaskId { get; init; }
    public required string Period { get; init; }
    public required Guid LeadUnitId { get; init; }
    public required string Previous { get; init; }
    public required string Light { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>A lead unit asked for an extension (延期) or the closure (办结) of a task.</summary>
public sealed record TaskRequestSubmitted : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid RequestId { get; init; }
    public required Guid TaskId { get; init; }
    public required Guid LeadUnitId { get; init; }
    /// <summary>"Extension" or "Closure".</summary>
    public required string Kind { get; init; }
    public DateOnly? RequestedDeadline { get; init; }
    public required string RequestedBy { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}

/// <summary>The district office approved or refused an extension or closure request.</summary>
public sealed record TaskRequestDecided : ITenantScoped
{
    public required string TenantId { get; init; }
    public required Guid RequestId { get; init; }
    public required Guid TaskId { get; init; }
    public required Guid LeadUnitId { get; init; }
    public required string Kind { get; init; }
    public required bool Approved { get; init; }
    public DateOnly? GrantedDeadline { get; init; }
    public string? Comment { get; init; }
    public required string DecidedBy { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
