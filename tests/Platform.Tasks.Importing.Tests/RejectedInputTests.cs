using System.IO.Compression;
using System.Text;
using Platform.Tasks.Importing.Tests.Support;

namespace Platform.Tasks.Importing.Tests;

/// <summary>Input that is not a document with tasks is refused with a reason code and a readable message.</summary>
public sealed class RejectedInputTests
{
    private static DocumentRejectedException Reject(byte[] content, string fileName) =>
        Assert.Throws<DocumentRejectedException>(() => TaskListImporter.Parse(content, fileName));

    [Fact]
    public void EmptyFileIsRejectedAsEmpty()
    {
        var e = Reject([], "list.txt");

        Assert.Equal("empty", e.Reason);
        Assert.Contains("空文件", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AWordFileThatUnpacksToTensOfMegabytesIsRefusedBeforeItIsParsed()
    {
        // 60 MB of XML in a zip of a few tens of kilobytes: refused from its sizes, before any XML is read.
        var bomb = Platform.Testing.HostileFiles.DocxInflatingTo(60);
        Assert.True(bomb.Length < 200 * 1024, $"{bomb.Length} bytes");
        var e = Reject(bomb, "清单.docx");
        Assert.Equal("too-large", e.Reason);
        Assert.Contains("解压后超出限制", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhitespaceOnlyTextIsRejectedAsEmpty() =>
        Assert.Equal("empty", Reject(Encoding.UTF8.GetBytes(" \r\n\t\n　\n"), "list.txt").Reason);

    [Fact]
    public void BinaryDataIsRejectedAsUnsupported()
    {
        var random = new byte[4096];
        new Random(7).NextBytes(random);

        Assert.Equal("unsupported-format", Reject(random, "list.txt").Reason);
        Assert.Equal(
            "unsupported-format",
            Reject([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "scan.png").Reason);
    }

    [Fact]
    public void LegacyWordDocumentIsRejectedWithAdvice()
    {
        var e = Reject([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "list.doc");

        Assert.Equal("unsupported-format", e.Reason);
        Assert.Contains(".docx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZipRenamedToDocxIsRejectedAsCorruptDocx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("notes.txt").Open());
            writer.Write("1.推行电子发票。（牵头单位：区税务局）");
        }

        var e = Reject(stream.ToArray(), "list.docx");

        Assert.Equal("corrupt-docx", e.Reason);
        Assert.Contains("word/document.xml", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocxWithMalformedXmlIsRejectedAsCorruptDocx()
    {
        var docx = FixtureFormat.Bytes("layout-c-lead-phrases.txt", FixtureFormat.Docx);
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document><w:body><w:p>1.推行电子发票");
        }

        Assert.Equal("corrupt-docx", Reject(stream.ToArray(), "list.docx").Reason);
    }

    [Fact]
    public void TruncatedDocxIsRejectedAsCorruptDocx()
    {
        var docx = FixtureFormat.Bytes("layout-c-lead-phrases.txt", FixtureFormat.Docx);

        Assert.Equal("corrupt-docx", Reject(docx[..(docx.Length / 2)], "list.docx").Reason);
    }

    [Fact]
    public void PdfWithoutTextLayerIsRejected()
    {
        var e = Reject(PdfFixtureBuilder.BuildWithoutText(), "scan.pdf");

        Assert.Equal("pdf-without-text", e.Reason);
        Assert.Contains("文字层", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocumentWithoutAnyTaskIsRejected()
    {
        var text = "关于做好优化营商环境工作的通知\n各单位要高度重视，认真抓好落实。\n";

        Assert.Equal("no-tasks", Reject(Encoding.UTF8.GetBytes(text), "notice.txt").Reason);
    }

    [Fact]
    public void DocumentLargerThanTheLimitIsRejectedBeforeReading()
    {
        var content = new byte[TaskListImporter.MaxDocumentBytes + 1];

        Assert.Equal("too-large", Reject(content, "huge.txt").Reason);
    }

    [Theory]
    [InlineData(FixtureFormat.Docx, "list.txt")]
    [InlineData(FixtureFormat.Pdf, "list.docx")]
    [InlineData(FixtureFormat.Txt, "list.pdf")]
    public void FormatIsDetectedFromContentNotFileName(string format, string misleadingName)
    {
        var parsed = TaskListImporter.Parse(FixtureFormat.Bytes("layout-c-lead-phrases.txt", format), misleadingName);

        Assert.Equal(4, parsed.Tasks.Count);
    }
}
