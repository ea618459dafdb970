namespace Platform.Reporting.Domain.Assessment;

/// <summary>What an item of an assessment rule set deducts points for (stored by number: add new kinds last).</summary>
public enum AssessmentItemKind
{
    /// <summary>A monthly report first submitted after its due date (逾期报送).</summary>
    LateReport,

    /// <summary>A monthly report still not submitted after the grace period (逾期未报).</summary>
    MissingReport,

    /// <summary>A monthly report returned by the office for its quality (退回).</summary>
    ReturnedReport,

    /// <summary>A task whose accepted year-end outcome is 未完成, or with no accepted completion report (未报).</summary>
    TaskNotCompleted,

    /// <summary>A task whose accepted year-end outcome is 基本完成.</summary>
    TaskMostlyCompleted,

    /// <summary>A typed target whose final value misses its target.</summary>
    TargetNotMet,

    /// <summary>A 督办单 the unit received.</summary>
    SupervisionNotice,

    /// <summary>An extension (延期) the unit asked for.</summary>
    ExtensionRequested,

    /// <summary>The weight of the on-time share: deducts weight × (1 − share of months reported on time).</summary>
    OnTimeShare,
}
