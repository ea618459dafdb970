using System.IO.Compression;
using Platform.Contracts.Documents;

namespace Platform.Tasks.Importing.Reading;

/// <summary>
/// Tells the format from the bytes (zip signature with word/document.xml, %PDF), not from the file name.
/// </summary>
internal static class DocumentSniffer
{
    public static DocumentKind Detect(ReadOnlySpan<byte> content, string fileName)
    {
        if (content.StartsWith("PK\u0003\u0004"u8) || content.StartsWith("PK\u0005\u0006"u8))
        {
            return DetectZip(content, fileName);
        }

        var head = content[..Math.Min(content.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) >= 0)
        {
            return DocumentKind.Pdf;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            throw new DocumentRejectedException(
                "unsupported-format",
                $"“{fileName}”是旧版 Word (.doc) 或其他 OLE 文件，请另存为 .docx、PDF 或文本后再导入 (legacy .doc/OLE files are not "
                + "supported; save as .docx).");
        }

        if (content.StartsWith("{\\rtf"u8))
        {
            throw new DocumentRejectedException(
                "unsupported-format",
                $"“{fileName}”是 RTF 文件，请另存为 .docx 后再导入 (RTF is not supported; save as .docx).");
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47])
            || content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
            || content.StartsWith("GIF8"u8)
            || content.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])
            || content.StartsWith("Rar!"u8)
            || content.StartsWith("7z"u8) || content.StartsWith("\u007FELF"u8) || content.StartsWith("MZ"u8))
        {
            throw NotADocument(fileName);
        }

        return DocumentKind.Text;
    }

    public static DocumentRejectedException NotADocument(string fileName) => new(
        "unsupported-format",
        $"“{fileName}”不是可识别的文档（支持 .txt、.docx、.pdf）(not a document: supported are text, .docx and .pdf).");

    private static DocumentKind DetectZip(ReadOnlySpan<byte> content, string fileName)
    {
        if (ZipPackage.CheckLimits(content) is { } tooLarge)
        {
            throw new DocumentRejectedException("too-large", $"“{fileName}”过大，解压后超出限制 ({tooLarge}).");
        }

        var looksLikeWord = fileName.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)
            || fileName.EndsWith(".docm", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            if (zip.GetEntry("word/document.xml") is not null)
            {
                return DocumentKind.Docx;
            }

            looksLikeWord |= zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("xl/workbook.xml") is null
                && zip.GetEntry("ppt/presentation.xml") is null;
        }
        catch (InvalidDataException)
        {
            if (looksLikeWord)
            {
                throw CorruptDocx(fileName);
            }

            throw NotADocument(fileName);
        }

        if (looksLikeWord)
        {
            throw CorruptDocx(fileName);
        }

        throw new DocumentRejectedException(
            "unsupported-format",
            $"“{fileName}”是压缩包或其他 Office 文件，不是 Word 文档 (a zip archive that is not a Word document).");
    }

    public static DocumentRejectedException CorruptDocx(string fileName) => new(
        "corrupt-docx",
        $"“{fileName}”不是有效的 Word 文档：文件损坏，或是改了扩展名的压缩包 (not a valid .docx: corrupt, or a renamed zip without "
        + "word/document.xml).");
}
