namespace Platform.Documents.Sheets;

/// <summary>
/// A column: its header and the bounds of its width in character cells. The width comes from the content; a column
/// whose text is longer than <see cref="MaxWidth"/> wraps instead of widening the printed page.
/// </summary>
public sealed record SheetColumn(string Header)
{
    public int MinWidth { get; init; } = 6;

    public int MaxWidth { get; init; } = 50;

    public static implicit operator SheetColumn(string header) => new(header);
}
