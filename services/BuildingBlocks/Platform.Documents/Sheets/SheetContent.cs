namespace Platform.Documents.Sheets;

/// <summary>
/// One sheet of a workbook: its name, title lines above the table (none for a sheet that is read back, whose header
/// must stay the first row), the columns and the data rows.
/// </summary>
public sealed record SheetContent(
    string Name, IReadOnlyList<SheetColumn> Columns, IReadOnlyList<IReadOnlyList<SheetCell>> Rows)
{
    /// <summary>
    /// The widest the columns together may be, in character cells, before the long ones are narrowed (and wrap
    /// more): the page is printed one page wide, so a wider table would only print smaller.
    /// </summary>
    public const int DefaultPageWidth = 180;

    /// <summary>
    /// Lines above the header, the first one the title (bold, larger), each merged across the columns.
    /// </summary>
    public IReadOnlyList<string> Titles { get; init; } = [];

    /// <inheritdoc cref="DefaultPageWidth"/>
    public int PageWidth { get; init; } = DefaultPageWidth;

    /// <summary>
    /// The same sheet with every text as XML may carry it (<see cref="XmlText.Clean"/>): its name, titles, headers and
    /// cells, so widths, heights, page headers and cells are all made from the text that is written.
    /// </summary>
    public SheetContent Printable() => this with
    {
        Name = XmlText.Clean(Name),
        Columns = Columns.Select(c => c with { Header = XmlText.Clean(c.Header) }).ToList(),
        Rows = Rows
            .Select(r => (IReadOnlyList<SheetCell>)r.Select(c => c with { Text = XmlText.Clean(c.Text) }).ToList())
            .ToList(),
        Titles = Titles.Select(XmlText.Clean).ToList(),
    };

    /// <summary>A sheet of plain text cells, as a list of headers and rows of strings gives it.</summary>
    public static SheetContent OfText(
        string name, IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows) =>
        new(
            name,
            headers.Select(h => new SheetColumn(h)).ToList(),
            rows.Select(r => (IReadOnlyList<SheetCell>)r.Select(SheetCell.Of).ToList()).ToList());
}
