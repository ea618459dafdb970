using System.Text.Json;

namespace Platform.Reporting.Domain;

/// <summary>
/// One change of the reporting domain, raised by the entity that made it: the audit row it leaves, the event other
/// services learn it from (if any), and whether it moves the task's lights. <see cref="Data.ReportingUnitOfWork"/>
/// saves all three with the change itself.
/// </summary>
/// <param name="Period">The month the change is about; empty for a change of the whole task.</param>
/// <param name="MovesLights">
/// True when the light of the month (or, for a change of the whole task, of every month) must be computed again.
/// </param>
public sealed record DomainChange(
    string TenantId,
    Guid TaskId,
    string Period,
    string Action,
    string Actor,
    DateTimeOffset At,
    string? Before,
    string After,
    object? Event,
    bool MovesLights)
{
    public AuditEntry ToAudit() => new()
    {
        TenantId = TenantId, TaskId = TaskId, Period = Period, Action = Action, Actor = Actor, At = At,
        Before = Before, After = After,
    };

    /// <summary>The JSON form of an entity's state that audit rows keep before and after a change.</summary>
    public static string Json(object state) => JsonSerializer.Serialize(state, JsonSerializerOptions.Web);
}
