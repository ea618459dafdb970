using Microsoft.AspNetCore.Mvc;
using NotificationsV1 = Platform.Contracts.Notifications.V1;
using ReportingV1 = Platform.Contracts.Reporting.V1;

namespace Platform.Portal.Pages.Office;

/// <summary>The district's rules: the grace period of a late report, and when reminders, 催办 and 督办单 go out.</summary>
public sealed class SettingsModel : PortalPage
{
    [BindProperty] public int GraceDays { get; set; }
    [BindProperty] public int ReminderDaysBefore { get; set; }
    [BindProperty] public int OverdueAfterDays { get; set; }
    [BindProperty] public int EscalateAfterDays { get; set; }
    [BindProperty] public bool AssignmentEnabled { get; set; }
    [BindProperty] public bool ReminderEnabled { get; set; }
    [BindProperty] public bool OverdueEnabled { get; set; }
    [BindProperty] public bool EscalationEnabled { get; set; }
    [BindProperty] public bool ReviewEnabled { get; set; }

    public async Task OnGetAsync()
    {
        var options = await AsMe();
        GraceDays = (await Api.Reports.GetReportingSettingsAsync(
            new ReportingV1.GetReportingSettingsRequest(), options)).GraceDays;
        var n = await Api.Inbox.GetNotificationSettingsAsync(
            new NotificationsV1.GetNotificationSettingsRequest(), options);
        (ReminderDaysBefore, OverdueAfterDays, EscalateAfterDays) =
            (n.ReminderDaysBefore, n.OverdueAfterDays, n.EscalateAfterDays);
        (AssignmentEnabled, ReminderEnabled, OverdueEnabled, EscalationEnabled, ReviewEnabled) =
            (n.AssignmentEnabled, n.ReminderEnabled, n.OverdueEnabled, n.EscalationEnabled, n.ReviewEnabled);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (GraceDays is < 0 or > 30
            || ReminderDaysBefore is < 0 or > 30
            || OverdueAfterDays is < 0 or > 60
            || EscalateAfterDays is < 0 or > 90)
        {
            Error = "宽限期 0–30 天；提醒提前 0–30 天；催办 0–60 天；督办 0–90 天。";
            return Page();
        }

        var ok = await TryAsync(async () =>
        {
            var options = await AsMe();
            await Api.Reports.UpdateReportingSettingsAsync(
                new ReportingV1.ReportingSettings { GraceDays = GraceDays }, options);
            await Api.Inbox.UpdateNotificationSettingsAsync(new NotificationsV1.NotificationSettings
            {
                ReminderDaysBefore = ReminderDaysBefore,
                OverdueAfterDays = OverdueAfterDays,
                EscalateAfterDays = EscalateAfterDays,
                AssignmentEnabled = AssignmentEnabled,
                ReminderEnabled = ReminderEnabled,
                OverdueEnabled = OverdueEnabled,
                EscalationEnabled = EscalationEnabled,
                ReviewEnabled = ReviewEnabled,
            }, options);
        });
        return ok ? Done("设置已保存。") : Page();
    }
}
