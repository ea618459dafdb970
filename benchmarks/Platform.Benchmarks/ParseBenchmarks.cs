using System.Text;
using BenchmarkDotNet.Attributes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Platform.Tasks.Importing;

namespace Platform.Benchmarks;

/// <summary>
/// Parsing the 渝中区 2023 list (90 tasks, 17 categories): as the .txt the office sends, and as a .docx of the same
/// paragraphs. Run: dotnet run -c Release --project benchmarks/Platform.Benchmarks -- --filter '*Parse*' [--job short]
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private byte[] text = [];
    private byte[] docx = [];

    [GlobalSetup]
    public void Setup()
    {
        text = File.ReadAllBytes(YuzhongPath());
        docx = ToDocx(Encoding.UTF8.GetString(text));
    }

    [Benchmark(Baseline = true)]
    public ParsedTaskList ParseYuzhongText() => TaskListImporter.Parse(text, "yuzhong-2023-tasklist.txt");

    [Benchmark]
    public ParsedTaskList ParseYuzhongDocx() => TaskListImporter.Parse(docx, "yuzhong-2023-tasklist.docx");

    private static string YuzhongPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "Platform.Tasks.Importing.Tests", "Fixtures", "yuzhong-2023-tasklist.txt");
            }
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }

    private static byte[] ToDocx(string content)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new Body();
            foreach (var line in content.Split('\n'))
            {
                body.Append(new Paragraph(new Run(new Text(line.TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve })));
            }

            document.AddMainDocumentPart().Document = new Document(body);
        }

        return stream.ToArray();
    }
}
