namespace Platform.Notifications.Domain;

public enum NotificationKind
{
    /// <summary>交办: tasks assigned to the recipient's unit.</summary>
    Assignment = 1,

    /// <summary>A digest of the recipient's own reports due soon.</summary>
    Reminder = 2,

    /// <summary>催办: reports overdue after the grace.</summary>
    Overdue = 3,

    /// <summary>
    /// 督办单: a unit still late some days after the 催办, to the district's leaders and office.
    /// </summary>
    Escalation = 4,

    ReportReturned = 5,
    ReportAccepted = 6,
    ExtensionDecided = 7,
    ClosureDecided = 8,

    /// <summary>年度完成情况 returned by the office with its comment, to the lead unit's reporters.</summary>
    CompletionReturned = 9,

    /// <summary>年度完成情况 accepted, with the outcome that counts in the assessment.</summary>
    CompletionAccepted = 10,

    /// <summary>考核: a unit's score and rank, or the district's ranking for the office and leaders.</summary>
    AssessmentPublished = 11,
}
