using System.Text;
using Platform.Tasks.Importing.Tests.Support;

namespace Platform.Tasks.Importing.Tests;

/// <summary>Text files arrive as UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 without BOM.</summary>
public sealed class EncodingTests
{
    private const string Fixture = "layout-a-category-units.txt";

    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string> Encodings
        => ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "utf-16le-no-bom", "utf-16be-no-bom", "gbk", "gb18030"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EncodedTextReadsLikeUtf8(string encoding)
    {
        var text = RepoFiles.FixtureText(Fixture);
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-16le-no-bom" => Encoding.Unicode.GetBytes(text),
            "utf-16be-no-bom" => Encoding.BigEndianUnicode.GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            "gbk" => Encoding.GetEncoding(936).GetBytes(text),
            _ => Encoding.GetEncoding("GB18030").GetBytes(text),
        };

        var parsed = TaskListImporter.Parse(bytes, "list.txt");

        var expected = FixtureFormat.Parse(Fixture, FixtureFormat.Txt);
        Assert.Equal(expected.Notice, parsed.Notice);
        Assert.Equal(
            expected.Tasks.Select(t => (t.Number, t.Text, string.Join("、", t.LeadUnits))),
            parsed.Tasks.Select(t => (t.Number, t.Text, string.Join("、", t.LeadUnits))));
        Assert.Equal("重庆市江北区人民政府办公室", parsed.Notice.Issuer);
    }
}
