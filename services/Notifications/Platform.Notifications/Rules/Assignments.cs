using System.Text;
using Platform.Notifications.Domain;

namespace Platform.Notifications.Rules;

/// <summary>
/// 交办: the tasks a unit leads in a published list, to one of its reporters; one per list, unit and person.
/// </summary>
public static class Assignments
{
    public static Notification For(
        Recipient reporter,
        Guid listId,
        Guid unit,
        string unitName,
        string listLabel,
        IReadOnlyList<(string Number, string Text)> tasks)
    {
        var body = new StringBuilder(
            $"{listLabel}已发布，{unitName}牵头以下 {tasks.Count} 项任务，请签收并按月报送：");
        foreach (var (number, text) in tasks)
        {
            body.Append($"\n· 任务{number}：{(text.Length > 60 ? text[..60] + "…" : text)}");
        }

        return new Notification
        {
            TenantId = reporter.TenantId, RecipientId = reporter.Id, Kind = NotificationKind.Assignment,
            CauseKey = $"assign:{listId}:{unit}", Title = $"交办：{tasks.Count} 项任务", Body = body.ToString(),
        };
    }
}
