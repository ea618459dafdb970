using System.Globalization;

namespace Platform.Documents.Sheets;

/// <summary>
/// One data cell: its text, the number behind it when it is one (written as a real numeric cell, so a sheet program
/// sums and sorts it), and its tone.
/// </summary>
public readonly record struct SheetCell(string Text, decimal? Number = null, CellTone Tone = CellTone.None)
{
    public static SheetCell Of(string? text) => new(text ?? string.Empty);

    /// <summary>A numeric cell; its text (for the column's width) is the number as the sheet shows it.</summary>
    public static SheetCell Of(decimal number) => new(number.ToString("0.##", CultureInfo.InvariantCulture), number);

    public static SheetCell Toned(string text, CellTone tone) => new(text, null, tone);

    public static implicit operator SheetCell(string? text) => Of(text);
}
