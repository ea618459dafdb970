using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Units.Directory;

/// <summary>One person as a row of the directory workbook's 人员 sheet.</summary>
public sealed record AccountRow(
    int Row,
    string Username,
    string DisplayName,
    string Unit,
    IReadOnlyList<string> Roles,
    string Email,
    string Mobile);
