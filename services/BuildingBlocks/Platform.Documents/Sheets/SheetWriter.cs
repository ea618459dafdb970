using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Documents.Sheets;

/// <summary>
/// Writes every .xlsx the platform hands out, so each prints the way an office files it: title lines, a bold shaded
/// header that stays on screen (frozen) and on every printed page (print titles), an autofilter, columns sized to
/// their content with long texts wrapped in rows tall enough for them, numbers as numbers, lights as coloured cells
/// with their word, and A4 landscape fitted to one page wide with page numbers in the footer.
/// </summary>
public static class SheetWriter
{
    /// <summary>The longest sheet name Excel opens.</summary>
    public const int MaxNameLength = 31;

    /// <summary>A number's every digit and no trailing zero (a decimal of 92.00 is written 92).</summary>
    private const string NumberFormat = "0.############################";

    /// <summary>The characters a sheet name may not hold; each becomes a hyphen.</summary>
    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];

    public static byte[] Write(params IReadOnlyList<SheetContent> sheets)
    {
        if (sheets.Count == 0)
        {
            throw new ArgumentException("a workbook needs at least one sheet", nameof(sheets));
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = SheetStyles.Create();
            var list = workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            var names = new DefinedNames();
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var index = 0; index < sheets.Count; index++)
            {
                var sheet = sheets[index].Printable();
                var name = Name(sheet.Name);
                if (!used.Add(name))
                {
                    throw new ArgumentException($"two sheets are named {name}", nameof(sheets));
                }

                var part = workbook.AddNewPart<WorksheetPart>();
                var (header, filter) = WriteSheet(part, sheet, selected: index == 0);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)index + 1, Name = name });
                var quoted = "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
                names.Append(new DefinedName($"{quoted}!{Absolute(filter)}")
                {
                    Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)index, Hidden = true,
                });
                names.Append(new DefinedName($"{quoted}!${header}:${header}")
                {
                    Name = "_xlnm.Print_Titles", LocalSheetId = (uint)index,
                });
            }

            workbook.Workbook.Append(names);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// A name Excel accepts: none of <c>[]:*?/\</c>, no apostrophe at either end, at most 31 characters, not blank.
    /// </summary>
    public static string Name(string name)
    {
        var clean = new string(name.Select(c => Array.IndexOf(Forbidden, c) >= 0 ? '-' : c).ToArray())
            .Trim()
            .Trim('\'');
        if (clean.Length > MaxNameLength)
        {
            clean = clean[..MaxNameLength].TrimEnd().TrimEnd('\'');
        }

        return clean.Length == 0 ? "Sheet" : clean;
    }

    /// <summary>The column's letters: 0 is A, 25 is Z, 26 is AA.</summary>
    public static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>Writes one worksheet; returns its header row's number and its filter's range.</summary>
    private static (int Header, string Filter) WriteSheet(WorksheetPart part, SheetContent sheet, bool selected)
    {
        if (sheet.Columns.Count == 0)
        {
            throw new ArgumentException($"the sheet {sheet.Name} has no column", nameof(sheet));
        }

        var widths = SheetLayout.Widths(sheet);
        var last = ColumnName(widths.Length - 1);
        var data = new SheetData();
        var merges = new MergeCells();
        var number = 0;
        foreach (var (title, k) in sheet.Titles.Select((t, k) => (t, k)))
        {
            number++;
            var style = k == 0 ? SheetStyles.Title : SheetStyles.Subtitle;
            data.Append(new Row(TextCell($"A{number}", title, style))
            {
                RowIndex = (uint)number, Height = k == 0 ? 30 : 20, CustomHeight = true,
            });
            if (widths.Length > 1)
            {
                merges.Append(new MergeCell { Reference = $"A{number}:{last}{number}" });
            }
        }

        var header = ++number;
        var headerRow = new Row
        {
            RowIndex = (uint)header,
            Height = SheetLayout.Height(sheet.Columns.Select(c => c.Header), widths),
            CustomHeight = true,
        };
        for (var c = 0; c < widths.Length; c++)
        {
            headerRow.Append(TextCell($"{ColumnName(c)}{header}", sheet.Columns[c].Header, SheetStyles.Header));
        }

        data.Append(headerRow);
        var centered = Centered(sheet, widths);
        foreach (var cells in sheet.Rows)
        {
            number++;
            var row = new Row
            {
                RowIndex = (uint)number,
                Height = SheetLayout.Height(cells.Select(c => c.Text), widths),
                CustomHeight = true,
            };
            for (var c = 0; c < widths.Length; c++)
            {
                var cell = c < cells.Count ? cells[c] : SheetCell.Of(string.Empty);
                var reference = $"{ColumnName(c)}{number}";
                row.Append(cell switch
                {
                    { Number: { } value } => new Cell
                    {
                        CellReference = reference,
                        StyleIndex = SheetStyles.Number,
                        CellValue = new CellValue(value.ToString(NumberFormat, CultureInfo.InvariantCulture)),
                        DataType = CellValues.Number,
                    },
                    { Tone: not CellTone.None } => TextCell(reference, cell.Text, SheetStyles.ForTone(cell.Tone)),
                    _ => TextCell(reference, cell.Text, centered[c] ? SheetStyles.CenteredText : SheetStyles.Text),
                });
            }

            data.Append(row);
        }

        var filter = $"A{header}:{last}{Math.Max(number, header)}";
        var worksheet = new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetDimension { Reference = $"A1:{last}{Math.Max(number, header)}" },
            new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = header,
                    TopLeftCell = $"A{header + 1}",
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{header + 1}" })
            {
                WorkbookViewId = 0,
                TabSelected = selected ? true : null,
            }),
            new SheetFormatProperties { DefaultRowHeight = SheetStyles.LineHeight + 4 },
            new Columns(widths.Select((w, c) => new Column
            {
                Min = (uint)c + 1, Max = (uint)c + 1, Width = w, CustomWidth = true,
            })),
            data,
            new AutoFilter { Reference = filter });
        if (merges.HasChildren)
        {
            worksheet.Append(merges);
        }

        worksheet.Append(
            new PrintOptions { HorizontalCentered = true },
            new PageMargins { Left = 0.4, Right = 0.4, Top = 0.7, Bottom = 0.7, Header = 0.3, Footer = 0.3 },
            new PageSetup
            {
                PaperSize = 9, Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 0,
            },
            Footer(sheet));
        part.Worksheet = worksheet;
        return (header, filter);
    }

    /// <summary>
    /// Page numbers in every footer; from the second page on, the title in the header (the first page shows it in its
    /// title row).
    /// </summary>
    private static HeaderFooter Footer(SheetContent sheet)
    {
        const string pages = "&C第 &P 页，共 &N 页";
        var footer = new HeaderFooter();
        if (sheet.Titles.Count > 0)
        {
            footer.DifferentFirst = true;
            footer.Append(
                new OddHeader("&C" + sheet.Titles[0].Replace("&", "&&", StringComparison.Ordinal)),
                new OddFooter(pages),
                new FirstFooter(pages));
        }
        else
        {
            footer.Append(new OddFooter(pages));
        }

        return footer;
    }

    /// <summary>A text column is centered when all of it fits on one short line (序号, 状态, 名次).</summary>
    private static bool[] Centered(SheetContent sheet, int[] widths) => widths
        .Select((w, c) => w <= 12 && sheet.Rows.All(r => c >= r.Count || SheetLayout.Lines(r[c].Text, w) == 1))
        .ToArray();

    private static Cell TextCell(string reference, string text, uint style) => new()
    {
        CellReference = reference,
        StyleIndex = style,
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static string Absolute(string range) => string.Join(
        ':',
        range.Split(':').Select(r =>
        {
            var letters = new string(r.TakeWhile(char.IsLetter).ToArray());
            return $"${letters}${r[letters.Length..]}";
        }));
}
