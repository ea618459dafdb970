using System.IO.Compression;

namespace Platform.Testing;

/// <summary>Files an attacker would upload, built the same way wherever a test needs one.</summary>
public static class HostileFiles
{
    /// <summary>
    /// A .docx (a zip with a content-types part) whose word/document.xml unpacks to <paramref name="megabytes"/> MB of
    /// <paramref name="fill"/> bytes while the file itself stays a few tens of kilobytes: a decompression bomb.
    /// </summary>
    public static byte[] DocxInflatingTo(int megabytes, byte fill = 0)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var types = zip.CreateEntry("[Content_Types].xml").Open())
            {
                types.Write("<Types/>"u8);
            }

            using var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1024 * 1024];
            Array.Fill(block, fill);
            for (var i = 0; i < megabytes; i++)
            {
                document.Write(block);
            }
        }

        return buffer.ToArray();
    }
}
