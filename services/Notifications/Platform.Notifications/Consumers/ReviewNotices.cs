using Platform.Notifications.Domain;
using Platform.Notifications.Rules;

namespace Platform.Notifications.Consumers;

internal static class ReviewNotices
{
    /// <summary>A report's review (returned, accepted): the notice goes to the reporters of its unit.</summary>
    public static Task AddAsync(
        NotificationWriter writer,
        ReportRef report,
        NotificationKind kind,
        string cause,
        string title,
        string body,
        CancellationToken cancellationToken) =>
        AddAsync(
            writer, report.Tenant, report.Lead, kind, cause, title, body, report.Task, report.Period,
            cancellationToken);

    public static async Task AddAsync(
        NotificationWriter writer,
        string tenant,
        Guid unit,
        NotificationKind kind,
        string cause,
        string title,
        string body,
        Guid? task,
        string? period,
        CancellationToken cancellationToken)
    {
        if (!(await writer.SettingsAsync(tenant, cancellationToken)).ReviewEnabled)
        {
            return;
        }

        var reporters = await writer.ReportersAsync(tenant, unit, cancellationToken);
        await writer.AddAsync(reporters.Select(r => new Notification
        {
            TenantId = tenant,
            RecipientId = r.Id,
            Kind = kind,
            CauseKey = cause,
            Title = title,
            Body = body.Length == 0 ? title : body,
            TaskId = task,
            Period = period,
        }).ToList(), cancellationToken);
    }
}
