using Platform.Tasks.Importing.Parsing;
using Platform.Tasks.Importing.Reading;

namespace Platform.Tasks.Importing;

/// <summary>
/// Entry point: reads a .txt/.docx/.pdf document and returns what it recognised (DESIGN §4).
/// </summary>
/// <remarks>
/// <para>Reading: the format comes from the content — a zip with word/document.xml is Word, "%PDF-" is PDF, anything
/// else is decoded as text (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030/GBK). Word paragraphs and table
/// rows (cells in order, merged cells repeated into the rows they span, automatic numbering rendered); PDF text rebuilt
/// into lines from letter positions, wrapped paragraphs rejoined.</para>
/// <para>Characters: rules match a normalised copy of the text (half-width punctuation and digits, traditional
/// characters mapped to simplified) but everything output — task text, unit names, titles — is sliced from the text as
/// printed, so a traditional-character document yields traditional unit names (名稱照錄); the units service resolves
/// names.</para>
/// <para>It never invents: a number becomes a target only with a unit and a target word; a bracket, unit list or
/// numbered line it cannot place is reported in <see cref="ParsedTaskList.Warnings"/> with its line, and every other
/// line is kept in the notice, a category, a task or <see cref="ParsedTaskList.OtherText"/>.</para>
/// </remarks>
public static class TaskListImporter
{
    public const long MaxDocumentBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Detects the format from the content (not only the file name), extracts the text and parses it.
    /// Throws <see cref="DocumentRejectedException"/> for input that is not a readable document with tasks.
    /// </summary>
    public static ParsedTaskList Parse(ReadOnlySpan<byte> content, string fileName) => Parse(content, fileName, null);

    /// <summary>
    /// As <see cref="Parse(ReadOnlySpan{byte}, string)"/>, with the names and aliases of the importing district's
    /// units: unit names printed without a separator ("区发展改革委区财政局") are split into names the directory has.
    /// </summary>
    public static ParsedTaskList Parse(
        ReadOnlySpan<byte> content,
        string fileName,
        IReadOnlyCollection<string>? directory)
    {
        if (content.Length > MaxDocumentBytes)
        {
            throw new DocumentRejectedException(
                "too-large",
                $"“{fileName}”有 {content.Length / 1024 / 1024} MB，超过 {MaxDocumentBytes / 1024 / 1024} MB 上限 (the "
                + $"document is larger than {MaxDocumentBytes / 1024 / 1024} MB).");
        }

        if (content.IsEmpty)
        {
            throw Empty(fileName);
        }

        var lines = Read(content, fileName);
        if (lines.All(l => string.IsNullOrWhiteSpace(l.Text)))
        {
            throw Empty(fileName);
        }

        return TaskListParser.Parse(lines, directory);
    }

    /// <summary>The document's lines as the parser sees them (for review and diagnostics).</summary>
    internal static IReadOnlyList<SourceLine> Read(ReadOnlySpan<byte> content, string fileName) =>
        DocumentSniffer.Detect(content, fileName) switch
        {
            DocumentKind.Docx => DocxDocumentReader.Read(content, fileName),
            DocumentKind.Pdf => PdfDocumentReader.Read(content, fileName),
            _ => TextDocumentReader.ReadLines(TextDocumentReader.Decode(content, fileName)),
        };

    private static DocumentRejectedException Empty(string fileName) =>
        new("empty", $"“{fileName}”是空文件，没有任何内容 (the document is empty).");
}
