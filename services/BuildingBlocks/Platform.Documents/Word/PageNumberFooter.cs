using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Platform.Documents.Word;

/// <summary>
/// The page number of an official document: <c>— 1 —</c> centred in the footer, in 四号 (14 pt) Latin figures, as a
/// PAGE field so Word and LibreOffice number every page they print.
/// </summary>
public static class PageNumberFooter
{
    /// <summary>Adds the footer part and returns the reference every section's properties must carry.</summary>
    public static FooterReference Add(MainDocumentPart main)
    {
        ArgumentNullException.ThrowIfNull(main);
        var part = main.AddNewPart<FooterPart>();
        var properties = new RunProperties
        {
            RunFonts = OfficialFonts.Run("宋体"),
            FontSize = new FontSize { Val = "28" },
        };
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties
            {
                Justification = new Justification { Val = JustificationValues.Center },
                SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0" },
                Indentation = new Indentation { FirstLine = "0", FirstLineChars = 0 },
            },
            Text(properties, "— "),
            new Run(Clone(properties), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(Clone(properties), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(Clone(properties), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Text(properties, "1"),
            new Run(Clone(properties), new FieldChar { FieldCharType = FieldCharValues.End }),
            Text(properties, " —")));
        return new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) };
    }

    private static Run Text(RunProperties properties, string text) =>
        new(Clone(properties), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static RunProperties Clone(OpenXmlElement properties) => (RunProperties)properties.CloneNode(true);
}
