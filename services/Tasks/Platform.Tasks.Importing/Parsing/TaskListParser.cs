using Platform.Tasks.Importing.Reading;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Turns the lines of a document into a task list. The document is read into <see cref="Block"/>s; the
/// <see cref="NoticeReader"/> takes the notice at its head; the <see cref="LayoutPlan"/> finds the task tables and the
/// numbering levels; each block is then offered to the layouts — <see cref="RowTable"/> (pipes and Word tables,
/// two-level tables included), <see cref="OneCellPerLineTable"/>, <see cref="NumberedParagraphs"/> — which build the
/// list through one <see cref="ListBuilder"/> and its shared rules. Every line ends up in the notice, a category, a
/// task, the other text or a warning.
/// </summary>
internal static class TaskListParser
{
    /// <summary>
    /// Parses the lines; <paramref name="directory"/> (unit names and aliases of the district) splits glued names.
    /// </summary>
    public static ParsedTaskList Parse(IReadOnlyList<SourceLine> source, IReadOnlyCollection<string>? directory = null)
    {
        var blocks = Blocks(source).Select(s => new Block(s)).ToList();
        var list = new ListBuilder(
            blocks.Any(b => UnitAssignment.IsFirstIsLeadRule(b.Norm)),
            new GluedUnitNames(directory));
        var consumed = new HashSet<int>();
        var (notice, noticeEnd) = NoticeReader.Read(blocks, consumed, list);
        var plan = LayoutPlan.Make(blocks, noticeEnd);
        ILayout[] tables = [new RowTable(blocks, plan, list), new OneCellPerLineTable(blocks, plan, list)];
        ILayout[] layouts = [.. tables, new NumberedParagraphs(blocks, plan, list)];

        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].IsBlank || consumed.Contains(i))
            {
                continue;
            }

            if (i < noticeEnd)
            {
                list.AddOther(blocks[i].Number, blocks[i].Trimmed);
                continue;
            }

            i = Offer(i, tables, layouts, list);
        }

        foreach (var layout in layouts)
        {
            layout.End();
        }

        list.CloseTask();
        list.CloseCategory();
        list.SetAsideSectionsWithoutUnits();
        if (list.TaskCount == 0)
        {
            throw new DocumentRejectedException(
                "no-tasks",
                "文档中没有识别到任何编号任务（如“1.”“（一）”或带“序号”的任务表）(no recognisable task: no numbered items or task table found).");
        }

        return list.Build(notice);
    }

    /// <summary>A table's header ends the tables before it and starts its own; any other block goes to the first layout
    /// that reads it.</summary>
    private static int Offer(int i, ILayout[] tables, ILayout[] layouts, ListBuilder list)
    {
        foreach (var table in tables.Where(t => t.StartsAt(i)))
        {
            list.CloseTask();
            foreach (var open in tables)
            {
                open.End();
            }

            return table.Start(i);
        }

        foreach (var layout in layouts)
        {
            if (layout.Read(i))
            {
                return i;
            }
        }

        return i;
    }

    /// <summary>A Word table without a task header (a layout table, a boxed list) is read as its paragraphs.</summary>
    private static IEnumerable<SourceLine> Blocks(IReadOnlyList<SourceLine> source)
    {
        var withHeader = source
            .Where(s => s.Cells is not null
                && TableColumns.MatchHeader([.. s.Cells.Select(TextNormalizer.Normalize)]) is not null)
            .Select(s => s.TableId)
            .ToHashSet();
        foreach (var line in source)
        {
            if (line.Cells is null || withHeader.Contains(line.TableId))
            {
                yield return line;
                continue;
            }

            foreach (var cell in line.Cells.Distinct())
            {
                foreach (var paragraph in cell.Split('\n'))
                {
                    if (!string.IsNullOrWhiteSpace(paragraph))
                    {
                        yield return new SourceLine(line.Number, paragraph);
                    }
                }
            }
        }
    }
}
