using System.Globalization;
using System.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.MultiTenancy;
using Platform.Notifications.Data;
using Platform.Notifications.Domain;
using Platform.Notifications.Rules;

namespace Platform.Notifications.Consumers;

/// <summary>
/// An assessment (考核) applied or frozen: each listed unit's reporters and leaders hear its own score and rank (no
/// other unit's), the district's office and leaders the ranking. Each result is announced once; one older than what
/// was already announced for the year (an earlier rule version, or the provisional result after the final one)
/// announces nothing.
/// </summary>
public sealed class AssessmentPublishedConsumer(
    NotificationsDbContext db,
    NotificationWriter writer,
    ILogger<AssessmentPublishedConsumer> logger)
    : InboxConsumer<AssessmentPublished, NotificationsDbContext>(db, logger)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    protected override async Task HandleAsync(
        AssessmentPublished message,
        ConsumeContext<AssessmentPublished> context,
        CancellationToken cancellationToken)
    {
        if (!await NewerAsync(message, cancellationToken))
        {
            return;
        }

        var tenant = message.TenantId;
        var stage = message.Final ? "正式" : "预排";
        var cause = $"assessment:{message.Year}:{message.RuleVersion}:{(message.Final ? "final" : "provisional")}";
        var caveat = message.Final ? "本年度已关闭，结果为最终结果。" : "该结果为预排结果，年度关闭后以正式结果为准。";
        var people = await writer.PeopleAsync(tenant, cancellationToken);
        var notifications = new List<Notification>();
        var ranking = message.Scores.OrderBy(s => s.Rank).ThenBy(s => s.UnitName, StringComparer.Ordinal).ToList();
        foreach (var score in ranking)
        {
            var points = score.Score.ToString("0.##", Invariant);
            notifications.AddRange(people
                .Where(p => p.UnitId == score.UnitId
                    && (p.Roles.Contains(PlatformRoles.UnitReporter) || p.Roles.Contains(PlatformRoles.UnitLeader)))
                .Select(p => Notice(
                    tenant,
                    p.Id,
                    cause + ":unit",
                    $"考核结果（{stage}）：{message.Year}年度 {points} 分，排名第 {score.Rank}",
                    $"{score.UnitName}{message.Year}年度考核得分 {points} 分，在参加考核的 {ranking.Count} 个牵头单位中"
                        + $"排名第 {score.Rank}（第 {message.RuleVersion} 版考核规则）。共 {score.ReasonCount} 项扣分或"
                        + $"加分说明，请在考核页面查看。{caveat}")));
        }

        var summary = new StringBuilder(
            $"{message.Year}年度考核结果（{stage}，第 {message.RuleVersion} 版考核规则）：{caveat}");
        foreach (var score in ranking)
        {
            summary.Append(CultureInfo.InvariantCulture, $"\n第 {score.Rank} 名 {score.UnitName} ")
                .Append(score.Score.ToString("0.##", Invariant)).Append(" 分");
        }

        notifications.AddRange(people
            .Where(p => p.Roles.Contains(PlatformRoles.DistrictAdmin) || p.Roles.Contains(PlatformRoles.DistrictLeader))
            .Select(p => Notice(
                tenant,
                p.Id,
                cause + ":office",
                $"考核结果（{stage}）：{message.Year}年度 {ranking.Count} 个牵头单位排名",
                summary.ToString())));
        await writer.AddAsync(notifications, cancellationToken);
    }

    /// <summary>
    /// Records the result as the year's newest if it is; serialised per district and year so two results applied
    /// at once cannot both think they are the newest.
    /// </summary>
    private async Task<bool> NewerAsync(AssessmentPublished message, CancellationToken cancellationToken)
    {
        await Db.Database.ExecuteSqlAsync(
            $"SELECT pg_advisory_xact_lock(hashtext({"assessment:" + message.TenantId + ":" + message.Year}))",
            cancellationToken);
        var held = await Db.AssessmentStates.SingleOrDefaultAsync(
            a => a.TenantId == message.TenantId && a.Year == message.Year,
            cancellationToken);
        if (held is null)
        {
            Db.AssessmentStates.Add(new AssessmentState
            {
                TenantId = message.TenantId,
                Year = message.Year,
                RuleVersion = message.RuleVersion,
                Final = message.Final,
            });
            return true;
        }

        if (!held.IsOlderThan(message.RuleVersion, message.Final))
        {
            return false;
        }

        held.RuleVersion = message.RuleVersion;
        held.Final = message.Final;
        return true;
    }

    private static Notification Notice(string tenant, Guid recipient, string cause, string title, string body) =>
        new()
        {
            TenantId = tenant,
            RecipientId = recipient,
            Kind = NotificationKind.AssessmentPublished,
            CauseKey = cause,
            Title = title.Length > 200 ? title[..200] : title,
            Body = body,
        };
}
