using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Units.Directory;

/// <summary>One unit as a row of the directory workbook's 单位 sheet.</summary>
public sealed record UnitRow(
    int Row,
    string Name,
    IReadOnlyList<string> Aliases,
    string Kind,
    IReadOnlyList<string> Groups);
