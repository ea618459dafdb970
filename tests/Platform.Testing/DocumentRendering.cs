using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Testing;

/// <summary>
/// Renders a generated .xlsx or .docx the way an office would print it: LibreOffice (headless) converts it to PDF,
/// poppler reads the PDF back — the pages and their sizes (<c>pdfinfo</c>), the text of each page as laid out
/// (<c>pdftotext -layout</c>) and PNG images of the first pages (<c>pdftoppm</c>), kept beside the test screenshots.
/// test.sh installs both (libreoffice-writer-nogui, libreoffice-calc-nogui, poppler-utils).
/// </summary>
public static partial class DocumentRendering
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);
    private static readonly Lock RecordLock = new();
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>LibreOffice's command: DUBAN_TEST_SOFFICE, else <c>soffice</c> on the path.</summary>
    public static string Office =>
        Environment.GetEnvironmentVariable("DUBAN_TEST_SOFFICE") is { Length: > 0 } set ? set : "soffice";

    /// <summary>
    /// Converts <paramref name="content"/> (named <paramref name="fileName"/>, whose extension tells its kind) to PDF
    /// and reads it back. With <paramref name="pngName"/>, the first <paramref name="pngPages"/> pages are also saved as
    /// <c>{pngName}-{page}.png</c> in <see cref="TestArtifacts.Folder"/>.
    /// </summary>
    public static async Task<RenderedDocument> RenderAsync(
        byte[] content, string fileName, string? pngName = null, int pngPages = 1)
    {
        var work = Directory.CreateTempSubdirectory("duban-render-");
        var source = Path.Combine(work.FullName, Path.GetFileName(fileName));
        await File.WriteAllBytesAsync(source, content);
        // A profile of this process's own: two test processes converting at once must not share one.
        var profile = new Uri(Path.Combine(Path.GetTempPath(), $"duban-office-profile-{Environment.ProcessId}"));
        await OneAtATime.WaitAsync();
        try
        {
            await RunAsync(
                Office,
                [
                    $"-env:UserInstallation={profile.AbsoluteUri}", "--headless", "--norestore", "--nolockcheck",
                    "--nodefault", "--nologo", "--convert-to", "pdf", "--outdir", work.FullName, source,
                ]);
        }
        finally
        {
            OneAtATime.Release();
        }

        var pdf = Path.ChangeExtension(source, ".pdf");
        if (!File.Exists(pdf))
        {
            throw new InvalidOperationException($"LibreOffice wrote no PDF for {fileName}");
        }

        var sizes = PageSizes(await RunAsync("pdfinfo", ["-f", "1", "-l", "10000", pdf]));
        var pages = new List<string>();
        for (var page = 1; page <= sizes.Count; page++)
        {
            var p = page.ToString(CultureInfo.InvariantCulture);
            pages.Add(await RunAsync("pdftotext", ["-layout", "-enc", "UTF-8", "-f", p, "-l", p, pdf, "-"]));
        }

        var images = new List<string>();
        if (pngName is not null)
        {
            var last = Math.Min(pngPages, sizes.Count).ToString(CultureInfo.InvariantCulture);
            var prefix = Path.Combine(TestArtifacts.Folder, pngName);
            await RunAsync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", last, pdf, prefix]);
            // pdftoppm names a page {prefix}-{n}.png, n zero-padded to the page count's digits; another document
            // whose name starts with this one's (directory-template-500103) is not one of its pages.
            images.AddRange(Directory.GetFiles(TestArtifacts.Folder, pngName + "-*.png")
                .Where(f => Path.GetFileNameWithoutExtension(f)[(pngName.Length + 1)..].All(char.IsAsciiDigit))
                .Order());
            Record(pngName, sizes);
        }

        return new RenderedDocument(pdf, sizes, pages, images);
    }

    /// <summary>
    /// One line per kept document in <c>printed-documents.tsv</c> beside its PNGs: its name, pages, and how many of
    /// them are A4 and landscape — the figures a person compares between runs.
    /// </summary>
    private static void Record(string name, IReadOnlyList<PageSize> sizes)
    {
        var path = Path.Combine(TestArtifacts.Folder, "printed-documents.tsv");
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{name}\t{sizes.Count}\t{sizes.Count(s => s.IsA4)}\t{sizes.Count(s => s.Landscape)}\n");
        lock (RecordLock)
        {
            if (!File.Exists(path))
            {
                File.WriteAllText(path, "document\tpages\tA4\tlandscape\n");
            }

            File.AppendAllText(path, line);
        }
    }

    private static List<PageSize> PageSizes(string pdfinfo) =>
        SizeLine().Matches(pdfinfo).Select(m => new PageSize(
            double.Parse(m.Groups["w"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture))).ToList();

    private static async Task<string> RunAsync(string command, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{command} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{command} did not finish in {Timeout.TotalMinutes} minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} exited {process.ExitCode}: {await error}");
        }

        return await output;
    }

    [GeneratedRegex(@"^Page\s+\d+\s+size:\s+(?<w>[\d.]+)\s+x\s+(?<h>[\d.]+)", RegexOptions.Multiline)]
    private static partial Regex SizeLine();
}

/// <summary>A page's size in points (1/72 inch): A4 is 595 × 842 upright, 842 × 595 in landscape.</summary>
public readonly record struct PageSize(double Width, double Height)
{
    public bool Landscape => Width > Height;

    public bool IsA4 => Math.Abs(Math.Min(Width, Height) - 595.3) < 2 && Math.Abs(Math.Max(Width, Height) - 841.9) < 2;
}

/// <summary>A document as LibreOffice printed it: its PDF, the pages' sizes and text, and the PNGs kept of it.</summary>
public sealed record RenderedDocument(
    string Pdf, IReadOnlyList<PageSize> Pages, IReadOnlyList<string> PageTexts, IReadOnlyList<string> Images)
{
    /// <summary>Every non-blank text line of every page, as <c>pdftotext -layout</c> laid it out.</summary>
    public IEnumerable<string> Lines => PageTexts
        .SelectMany(t => t.Split('\n'))
        .Select(l => l.TrimEnd())
        .Where(l => l.Trim().Length > 0);
}
