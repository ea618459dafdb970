using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.Tasks.Importing.Parsing;

namespace Platform.Tasks.Importing.Reading;

/// <summary>
/// Reads a .docx body in order: each paragraph is a line (with Word's automatic numbering rendered as printed, e.g.
/// "1." or "（一）"), each table row a line with its cells. A vertically merged cell repeats its text into the rows it
/// covers (a category cell spanning rows names the category of each); a horizontally merged cell keeps its text in its
/// first grid column. Text boxes are read as paragraphs of their own after the paragraph they are anchored in, once;
/// headers and footers (内部资料, page numbers) are not the document's text and are not read.
/// </summary>
internal static class DocxDocumentReader
{
    public static IReadOnlyList<SourceLine> Read(ReadOnlySpan<byte> content, string fileName)
    {
        try
        {
            using var stream = new MemoryStream(content.ToArray());
            using var document = WordprocessingDocument.Open(stream, false);
            var body = document.MainDocumentPart?.Document?.Body ?? throw DocumentSniffer.CorruptDocx(fileName);
            var reader = new State(document.MainDocumentPart);
            reader.ReadBlocks(body.ChildElements);
            return reader.Lines;
        }
        catch (Exception e) when (e is not DocumentRejectedException and not OutOfMemoryException)
        {
            // Whatever a broken package throws (bad zip, missing parts, malformed XML), the upload is a corrupt .docx.
            throw DocumentSniffer.CorruptDocx(fileName);
        }
    }

    private sealed class State(MainDocumentPart part)
    {
        private readonly NumberingRenderer numbering = new(part);
        private int tableCount;

        public List<SourceLine> Lines { get; } = [];

        public void ReadBlocks(IEnumerable<OpenXmlElement> elements)
        {
            foreach (var element in elements)
            {
                switch (element)
                {
                    case Paragraph paragraph:
                        var text = ParagraphText(paragraph);
                        var boxes = TextBoxes(paragraph);
                        if (text.Length > 0 || boxes.Count == 0)
                        {
                            foreach (var line in text.Split('\n'))
                            {
                                Lines.Add(new SourceLine(Lines.Count + 1, line));
                            }
                        }

                        // A text box anchored in the paragraph: its paragraphs follow the paragraph's own text.
                        foreach (var box in boxes)
                        {
                            ReadBlocks(box.ChildElements);
                        }

                        break;
                    case Table table:
                        ReadTable(table);
                        break;
                    case SdtBlock sdt when sdt.SdtContentBlock is { } sdtContent:
                        ReadBlocks(sdtContent.ChildElements);
                        break;
                }
            }
        }

        private void ReadTable(Table table)
        {
            var tableId = ++tableCount;
            var above = new Dictionary<int, string>();
            foreach (var row in table.Elements<TableRow>())
            {
                var cells = new List<string>();
                var gridBefore = row.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
                for (var i = 0; i < gridBefore; i++)
                {
                    cells.Add("");
                }

                foreach (var cell in row.Elements<TableCell>())
                {
                    var properties = cell.TableCellProperties;
                    var span = Math.Max(1, properties?.GridSpan?.Val?.Value ?? 1);
                    var merge = properties?.VerticalMerge;
                    var column = cells.Count;
                    string text;
                    if (merge is not null && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue))
                    {
                        text = above.GetValueOrDefault(column, "");
                    }
                    else
                    {
                        text = string.Join('\n', cell.Descendants<Paragraph>().Select(ParagraphText)).Trim('\n');
                    }

                    cells.Add(text);
                    above[column] = text;
                    for (var i = 1; i < span; i++)
                    {
                        cells.Add("");
                        above[column + i] = "";
                    }
                }

                var joined = string.Join(" | ", cells.Select(c => c.Replace('\n', ' ')));
                Lines.Add(new SourceLine(Lines.Count + 1, joined, cells, tableId));
            }
        }

        /// <summary>
        /// The text boxes anchored in a paragraph, each once: Word writes a box as DrawingML and again as VML for older
        /// readers (mc:Choice / mc:Fallback), so the fallback's copy is skipped. A box inside a box is read with its
        /// box.
        /// </summary>
        private static List<TextBoxContent> TextBoxes(Paragraph paragraph)
        {
            // Inside mc:AlternateContent and a drawing the SDK may keep elements it does not type (wps:txbx): find the
            // boxes by name and type their content.
            var boxes = paragraph.Descendants().Where(e => IsBox(e) && !Within(e, IsBox, paragraph)).ToList();
            var chosen = boxes.Where(box => !Within(box, IsFallback, paragraph)).ToList();
            return [.. (chosen.Count > 0 ? chosen : boxes)
                .Select(box => box as TextBoxContent ?? new TextBoxContent(box.OuterXml))];
        }

        private static bool IsBox(OpenXmlElement e) => e.LocalName == "txbxContent";

        private static bool IsFallback(OpenXmlElement e) => e.LocalName == "Fallback";

        /// <summary>
        /// Whether an element lies inside one of a kind, looking up to (not past) <paramref name="top"/>.
        /// </summary>
        private static bool Within(OpenXmlElement e, Func<OpenXmlElement, bool> kind, OpenXmlElement? top = null)
        {
            for (var parent = e.Parent; parent is not null && parent != top; parent = parent.Parent)
            {
                if (kind(parent))
                {
                    return true;
                }
            }

            return false;
        }

        private string ParagraphText(Paragraph paragraph)
        {
            var builder = new StringBuilder(numbering.Prefix(paragraph));

            // The paragraph's own runs: not the text of a box anchored in it (read after it) nor a fallback copy.
            var elements = paragraph.Descendants()
                .Where(e => !Within(e, IsBox, paragraph) && !Within(e, IsFallback, paragraph));
            foreach (var element in elements)
            {
                switch (element)
                {
                    case Text t:
                        builder.Append(t.Text);
                        break;
                    case TabChar:
                        builder.Append('\t');
                        break;
                    case Break or CarriageReturn:
                        builder.Append('\n');
                        break;
                    case NoBreakHyphen:
                        builder.Append('-');
                        break;
                }
            }

            return builder.ToString();
        }
    }

    /// <summary>
    /// Renders automatic list numbering (numPr on the paragraph or its style) the way Word prints it.
    /// </summary>
    private sealed class NumberingRenderer(MainDocumentPart part)
    {
        private readonly DocumentFormat.OpenXml.Wordprocessing.Numbering? definitions =
            part.NumberingDefinitionsPart?.Numbering;
        private readonly Dictionary<(int AbstractId, int Level), int> counters = [];

        public string Prefix(Paragraph paragraph)
        {
            if (definitions is null)
            {
                return "";
            }

            var numPr = paragraph.ParagraphProperties?.NumberingProperties ?? StyleNumbering(paragraph);
            var numId = numPr?.NumberingId?.Val?.Value;
            if (numId is null or 0)
            {
                return "";
            }

            var level = numPr?.NumberingLevelReference?.Val?.Value ?? 0;
            var instance = definitions.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var abstractNum = definitions.Elements<AbstractNum>()
                .FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            if (abstractId is null || abstractNum is null)
            {
                return "";
            }

            var levels = abstractNum.Elements<Level>().ToDictionary(l => l.LevelIndex?.Value ?? 0);
            if (!levels.TryGetValue(level, out var definition))
            {
                return "";
            }

            var start = definition.StartNumberingValue?.Val?.Value ?? 1;
            var key = (abstractId.Value, level);
            counters[key] = counters.TryGetValue(key, out var current) ? current + 1 : start;
            var deeperLevels = counters.Keys.Where(k => k.AbstractId == abstractId.Value && k.Level > level).ToList();
            foreach (var deeper in deeperLevels)
            {
                counters.Remove(deeper);
            }

            var format = definition.NumberingFormat?.Val?.Value;
            if (format == NumberFormatValues.Bullet || format == NumberFormatValues.None)
            {
                return "";
            }

            var text = definition.LevelText?.Val?.Value ?? "%1.";
            for (var l = 0; l <= level; l++)
            {
                var value = counters.TryGetValue((abstractId.Value, l), out var v) ? v
                    : levels.TryGetValue(l, out var d) ? d.StartNumberingValue?.Val?.Value ?? 1 : 1;
                var levelFormat = levels.TryGetValue(l, out var ld) ? ld.NumberingFormat?.Val?.Value : null;
                text = text.Replace("%" + (l + 1).ToString(CultureInfo.InvariantCulture), Format(value, levelFormat));
            }

            return text;
        }

        private NumberingProperties? StyleNumbering(Paragraph paragraph)
        {
            var styleId = paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;
            var styles = part.StyleDefinitionsPart?.Styles;
            for (var depth = 0; styleId is not null && styles is not null && depth < 10; depth++)
            {
                var style = styles.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
                if (style?.StyleParagraphProperties?.NumberingProperties is { } numPr)
                {
                    return numPr;
                }

                styleId = style?.BasedOn?.Val?.Value;
            }

            return null;
        }

        private static string Format(int value, NumberFormatValues? format)
        {
            if (format == NumberFormatValues.ChineseCounting
                || format == NumberFormatValues.ChineseCountingThousand
                || format == NumberFormatValues.IdeographTraditional
                || format == NumberFormatValues.ChineseLegalSimplified)
            {
                return ChineseNumerals.Format(value);
            }

            if ((format == NumberFormatValues.DecimalEnclosedCircle
                    || format == NumberFormatValues.DecimalEnclosedCircleChinese)
                && value is >= 1 and <= 20)
            {
                return ((char)('\u2460' + value - 1)).ToString();
            }

            if (format == NumberFormatValues.UpperRoman || format == NumberFormatValues.LowerRoman)
            {
                var roman = Roman(value);
                return format == NumberFormatValues.LowerRoman ? roman.ToLowerInvariant() : roman;
            }

            return value.ToString(CultureInfo.InvariantCulture);
        }

        private static readonly (int Value, string Letters)[] RomanNumerals =
        [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ];

        private static string Roman(int value)
        {
            var builder = new StringBuilder();
            foreach (var (n, s) in RomanNumerals)
            {
                while (value >= n)
                {
                    builder.Append(s);
                    value -= n;
                }
            }

            return builder.ToString();
        }
    }
}
