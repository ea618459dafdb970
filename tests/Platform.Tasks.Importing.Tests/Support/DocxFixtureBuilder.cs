using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Platform.Tasks.Importing.Tests.Support;

/// <summary>
/// Writes a text document as a Word document: each line a paragraph, and each block of `|`-joined lines a real Word
/// table — a row with one text becomes a cell spanning the row (gridSpan), and an empty cell under a filled one in the
/// category column (类别/领域) is merged vertically into it (vMerge), as offices lay out a category that spans many rows.
/// </summary>
public static class DocxFixtureBuilder
{
    // The category column, in simplified and traditional characters: its empty cells merge into the one above.
    private static readonly string[] CategoryHeaders = ["类别", "領域", "领域", "類別"];

    public static byte[] Build(string text)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var lines = text.Replace("\r\n", "\n").Split('\n');
            var i = 0;
            while (i < lines.Length)
            {
                if (lines[i].Contains('|') || lines[i].Contains('｜'))
                {
                    var block = new List<string>();
                    while (i < lines.Length && (lines[i].Contains('|') || lines[i].Contains('｜')))
                    {
                        block.Add(lines[i]);
                        i++;
                    }

                    body.Append(Table(block));
                    continue;
                }

                body.Append(Paragraph(lines[i]));
                i++;
            }

            body.Append(new SectionProperties());
        }

        return stream.ToArray();
    }

    public static Paragraph Paragraph(string text) =>
        new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(List<string> block)
    {
        var rows = block.Select(Cells).ToList();
        var columns = rows.Max(r => r.Length);
        var header = rows[0];
        var mergeColumns = Enumerable.Range(0, header.Length)
            .Where(c => CategoryHeaders.Any(h => header[c].Contains(h, StringComparison.Ordinal)))
            .ToHashSet();
        var table = new Table(new TableProperties(new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = "1800" })));

        var merging = new bool[columns];
        foreach (var cells in rows)
        {
            var row = new TableRow();
            var filled = cells.Where(c => c.Trim().Length > 0).ToList();
            if (filled.Count == 1 && cells.Length > 1)
            {
                row.Append(new TableCell(
                    new TableCellProperties(new GridSpan { Val = columns }),
                    Paragraph(filled[0])));
                Array.Clear(merging);
                table.Append(row);
                continue;
            }

            for (var c = 0; c < columns; c++)
            {
                var value = c < cells.Length ? cells[c] : "";
                var properties = new TableCellProperties();
                if (mergeColumns.Contains(c) && cells != header)
                {
                    if (value.Trim().Length > 0)
                    {
                        properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                        merging[c] = true;
                    }
                    else if (merging[c])
                    {
                        properties.Append(new VerticalMerge());
                    }
                }

                row.Append(new TableCell(properties, Paragraph(value)));
            }

            table.Append(row);
        }

        return table;
    }

    /// <summary>The cells of a `|`-joined line, its outer pipes dropped.</summary>
    public static string[] Cells(string line)
    {
        var trimmed = line.Trim().Replace('｜', '|');
        if (trimmed.StartsWith('|'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.EndsWith('|'))
        {
            trimmed = trimmed[..^1];
        }

        return trimmed.Split('|');
    }
}
