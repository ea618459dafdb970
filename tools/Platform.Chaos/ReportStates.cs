namespace Platform.Chaos;

/// <summary>
/// The two services' vocabularies for a report's state, and what the notifications service should hold for each.
/// </summary>
public static class ReportStates
{
    /// <summary>reports."Status": Draft 1, Submitted 2, Returned 3, Accepted 4.</summary>
    public static ReportState Reporting(string status) => status switch
    {
        "Draft" or "1" => ReportState.Draft,
        "Submitted" or "2" => ReportState.Submitted,
        "Returned" or "3" => ReportState.Returned,
        "Accepted" or "4" => ReportState.Accepted,
        _ => throw new InvalidOperationException($"unknown report status '{status}'"),
    };

    /// <summary>owed_reports."State" as a number: Open 1, Submitted 2, Accepted 3, Closed 4.</summary>
    public static int Owed(string state) => state switch
    {
        "Open" or "1" => 1,
        "Submitted" or "2" => 2,
        "Accepted" or "3" => 3,
        "Closed" or "4" => 4,
        _ => throw new InvalidOperationException($"unknown owed state '{state}'"),
    };

    /// <summary>A draft, a returned or an unwritten report is still owed.</summary>
    public static int OwedFor(ReportState state) => state switch
    {
        ReportState.Submitted => 2,
        ReportState.Accepted => 3,
        _ => 1,
    };

    public static string OwedName(int state) => state switch
    {
        1 => "open",
        2 => "submitted",
        3 => "accepted",
        4 => "closed",
        _ => "absent",
    };
}
