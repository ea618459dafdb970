using System.IO.Compression;

namespace Platform.Contracts.Documents;

/// <summary>
/// Limits on a zip-based upload (.docx, .xlsx) checked from its central directory before anything parses it: a
/// 51 KB .docx can hold 30 MB of XML, and a parser reading it would spend the memory and CPU. The declared sizes are
/// read first; then the entries are inflated with a running count that stops at the limit, so an archive lying about
/// its sizes is caught too.
/// </summary>
public static class ZipPackage
{
    public const long DefaultMaxUncompressedBytes = 50L * 1024 * 1024;
    public const int DefaultMaxEntries = 1_000;

    /// <summary>
    /// Why the package exceeds the limits, or null when it stays within them (or is not a zip at all).
    /// </summary>
    public static string? CheckLimits(
        ReadOnlySpan<byte> content,
        long maxUncompressedBytes = DefaultMaxUncompressedBytes,
        int maxEntries = DefaultMaxEntries)
    {
        try
        {
            using var archive = new ZipArchive(
                new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            if (archive.Entries.Count > maxEntries)
            {
                return $"the package holds {archive.Entries.Count} parts; at most {maxEntries} are accepted";
            }

            long declared = 0;
            foreach (var entry in archive.Entries)
            {
                declared += entry.Length;
                if (declared > maxUncompressedBytes)
                {
                    return TooLarge(maxUncompressedBytes);
                }
            }

            var buffer = new byte[81920];
            long inflated = 0;
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    inflated += read;
                    if (inflated > maxUncompressedBytes)
                    {
                        return TooLarge(maxUncompressedBytes);
                    }
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            // Not a readable zip: the format check that follows says what it is instead.
            return null;
        }
    }

    private static string TooLarge(long max) =>
        $"the package unpacks to more than {max / (1024 * 1024)} MB; it is refused before being read";
}
