using System.Collections.Concurrent;
using System.Text;

namespace Platform.Tasks.Importing.Tests.Support;

/// <summary>The formats every fixture is parsed in: the .txt as written, and .docx / .pdf generated from it.</summary>
public static class FixtureFormat
{
    public const string Txt = "txt";
    public const string Docx = "docx";
    public const string Pdf = "pdf";

    private static readonly ConcurrentDictionary<(string, string), ParsedTaskList> Cache = new();

    public static byte[] Bytes(string fixture, string format)
    {
        var text = RepoFiles.FixtureText(fixture);
        return format switch
        {
            Txt => Encoding.UTF8.GetBytes(text),
            Docx => DocxFixtureBuilder.Build(text),
            Pdf => PdfFixtureBuilder.Build(text),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    public static string FileName(string fixture, string format) => Path.ChangeExtension(fixture, format);

    /// <summary>Parses a fixture in a format (cached: several tests read the same parse).</summary>
    public static ParsedTaskList Parse(string fixture, string format) =>
        Cache.GetOrAdd(
            (fixture, format),
            key => TaskListImporter.Parse(Bytes(key.Item1, key.Item2), FileName(key.Item1, key.Item2)));
}
