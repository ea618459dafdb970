using System.IO.Compression;
using Platform.Contracts.Documents;

namespace Platform.Reporting.Uploads;

/// <summary>
/// What may be uploaded as evidence: PDF, images, Word and Excel files, up to a size limit, and only when the content
/// is what the name says (a renamed executable is refused).
/// </summary>
public static class EvidencePolicy
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>
    /// What a Word or Excel file may unpack to: ten times the upload limit, far above any real document.
    /// </summary>
    public const long MaxUnpackedBytes = 100L * 1024 * 1024;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The content type of an acceptable file, or the reason it is refused.</summary>
    public static (string? ContentType, string? Error) Check(string fileName, ReadOnlySpan<byte> content, long maxBytes)
    {
        if (content.Length == 0)
        {
            return (null, "the file is empty");
        }

        if (content.Length > maxBytes)
        {
            return (null, $"the file is {content.Length} bytes; the limit is {maxBytes} bytes");
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".docx" or ".xlsx" && ZipPackage.CheckLimits(content, MaxUnpackedBytes) is { } tooLarge)
        {
            return (null, tooLarge);
        }

        var (type, matches) = extension switch
        {
            ".pdf" => ("application/pdf", content.StartsWith(Pdf)),
            ".png" => ("image/png", content.StartsWith(Png)),
            ".jpg" or ".jpeg" => ("image/jpeg", content.StartsWith(Jpeg)),
            ".docx" =>
                (
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    IsPackage(content, "word/document.xml")),
            ".xlsx" =>
                (
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    IsPackage(content, "xl/workbook.xml")),
            ".doc" => ("application/msword", content.StartsWith(Ole)),
            ".xls" => ("application/vnd.ms-excel", content.StartsWith(Ole)),
            _ => ((string?)null, false),
        };

        return type is null
            ? (null, $"'{extension}' files are not accepted; upload PDF, JPEG, PNG, Word or Excel files")
            : matches ? (type, null) : (null, $"the content is not a {extension} file");
    }

    /// <summary>
    /// A file name safe to store and send back: no path, no control characters, at most 200 characters.
    /// </summary>
    public static string CleanName(string? name)
    {
        var bare = Path.GetFileName((name ?? string.Empty).Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':')).ToArray()).Trim();
        if (clean.Length > 200)
        {
            clean = clean[..(200 - Path.GetExtension(clean).Length)] + Path.GetExtension(clean);
        }

        return clean.Length == 0 ? "evidence" : clean;
    }

    private static bool IsPackage(ReadOnlySpan<byte> content, string part)
    {
        if (!content.StartsWith(Zip))
        {
            return false;
        }

        try
        {
            using var archive = new ZipArchive(new MemoryStream(content.ToArray()), ZipArchiveMode.Read);
            return archive.GetEntry("[Content_Types].xml") is not null && archive.GetEntry(part) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
