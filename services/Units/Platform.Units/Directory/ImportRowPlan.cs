namespace Platform.Units.Directory;

/// <summary>What the import would do with one row of the workbook, and why it cannot, if it cannot.</summary>
public sealed record ImportRowPlan(
    string Sheet,
    int Row,
    string Name,
    string Action,
    List<string> Problems,
    List<string> Warnings);
