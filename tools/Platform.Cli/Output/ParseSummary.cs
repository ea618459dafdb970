using System.Globalization;
using Platform.Tasks.Importing;

namespace Platform.Cli.Output;

/// <summary>
/// A terminal summary of a parse: the notice, categories with task counts and units, typed targets, warnings.
/// </summary>
public static class ParseSummary
{
    public static void Write(ParsedTaskList parsed, TextWriter output)
    {
        var notice = parsed.Notice;
        output.WriteLine("通知 Notice");
        Field(output, "文号 Doc number", notice.DocNumber);
        Field(output, "发文机关 Issuer", notice.Issuer);
        Field(output, "成文日期 Issued on", notice.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field(output, "标题 Title", notice.Title);
        Field(output, "报送 Reporting", notice.Reporting is { } r
            ? $"{r.Cadence}, due {r.DueRule}" + (r.ReportTo is null ? "" : $", to {r.ReportTo}")
            : null);
        Field(output, "联系人 Contact", notice.Contact is { } c
            ? string.Join(" / ", new[] { c.Name, c.Phone, c.Email }.Where(s => s is not null))
            : null);
        output.WriteLine();

        output.WriteLine($"类别 Categories: {parsed.Categories.Count}    任务 Tasks: {parsed.Tasks.Count}");
        var rows = new List<string[]>
        {
            new[] { "No.", "类别 Category", "Tasks", "牵头单位 Lead", "责任单位 Responsible", "Indicators" },
        };
        foreach (var category in parsed.Categories)
        {
            var count = parsed.Tasks.Count(t => t.Category == category.Title);
            rows.Add(
            [
                category.Number,
                category.Title,
                count.ToString(CultureInfo.InvariantCulture),
                Join(category.LeadUnits),
                Join(category.ResponsibleUnits),
                Join(category.Indicators),
            ]);
        }

        var uncategorised = parsed.Tasks.Count(t => t.Category is null);
        if (uncategorised > 0)
        {
            rows.Add(["-", "(无类别 none)", uncategorised.ToString(CultureInfo.InvariantCulture), "", "", ""]);
        }

        Table(output, rows, [6, 24, 5, 30, 40, 30]);
        output.WriteLine();

        var targets = parsed.Tasks.SelectMany(t => t.Targets.Select(target => (t.Number, Target: target))).ToList();
        output.WriteLine($"指标 Typed targets: {targets.Count}");
        foreach (var (number, target) in targets)
        {
            var value = target.Grade ?? (target.ValueMin is { } min
                ? $"{min}–{target.Value}"
                : target.Value?.ToString(CultureInfo.InvariantCulture));
            var baseline = target.Baseline is { } b ? $" from {b}" : "";
            var deadline = target.Deadline is { } d ? $" by {d:yyyy-MM-dd}" : "";
            var unit = target.Grade is null ? target.Unit : "";
            output.WriteLine(
                $"  {number,4}  {target.Direction,-8} {value} {unit}{baseline}{deadline}    {target.Text}");
        }

        output.WriteLine();
        output.WriteLine($"警告 Warnings: {parsed.Warnings.Count}");
        foreach (var warning in parsed.Warnings)
        {
            var line = warning.Line is { } l ? $"line {l}" : "";
            var source = warning.SourceText is null ? "" : $"  «{Cut(warning.SourceText, 60)}»";
            output.WriteLine($"  {line,-9} {warning.Code}: {warning.Message}" + source);
        }
    }

    private static void Field(TextWriter output, string label, string? value) =>
        output.WriteLine($"  {DisplayWidth.PadRight(label, 20)} {value ?? "—"}");

    private static string Join(IReadOnlyList<string> items) => string.Join("、", items);

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max] + "…";

    private static void Table(TextWriter output, List<string[]> rows, int[] maxWidths)
    {
        var widths = new int[maxWidths.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Min(maxWidths[i], Math.Max(widths[i], DisplayWidth.Of(row[i])));
            }
        }

        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) =>
                DisplayWidth.PadRight(DisplayWidth.Truncate(cell, widths[i]), widths[i]));
            output.WriteLine("  " + string.Join("  ", cells).TrimEnd());
        }
    }
}
