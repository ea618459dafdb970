using Platform.Tasks.Domain;
using Platform.Tasks.Importing;

namespace Platform.Tasks.Importing;

/// <summary>
/// Turns the importer's result into a draft list with every printed unit name resolved where the directory knows it.
/// </summary>
public static class TaskListBuilder
{
    public static IEnumerable<string> PrintedUnitNames(ParsedTaskList parsed) =>
        parsed.Tasks.SelectMany(t => t.LeadUnits.Concat(t.ResponsibleUnits)).Distinct(StringComparer.Ordinal);

    public static TaskList Build(
        ParsedTaskList parsed,
        string tenantId,
        int year,
        string fileName,
        string sha256,
        string createdBy,
        DateTimeOffset now,
        IReadOnlyDictionary<string, (ResolvedUnit? Unit, IReadOnlyList<ResolvedUnit> Suggestions)> resolved)
    {
        var list = new TaskList
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Year = year,
            DocNumber = parsed.Notice.DocNumber,
            Issuer = parsed.Notice.Issuer,
            IssuedOn = parsed.Notice.IssuedOn,
            Title = parsed.Notice.Title,
            ReportingCadence = parsed.Notice.Reporting?.Cadence,
            DueRule = parsed.Notice.Reporting?.DueRule,
            ReportTo = parsed.Notice.Reporting?.ReportTo,
            ContactName = parsed.Notice.Contact?.Name,
            ContactPhone = parsed.Notice.Contact?.Phone,
            ContactEmail = parsed.Notice.Contact?.Email,
            SourceFileName = fileName,
            SourceSha256 = sha256,
            CreatedAt = now,
            CreatedBy = createdBy,
            Warnings = parsed.Warnings.Select(w => new ImportWarning
            {
                Code = w.Code, Message = w.Message, Line = w.Line, SourceText = w.SourceText,
            }).ToList(),
        };

        list.Categories = parsed.Categories.Select((c, i) => new Category
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            TaskListId = list.Id,
            Number = c.Number,
            Title = c.Title,
            Order = i,
            Indicators = c.Indicators.ToList(),
            LeadUnitNames = c.LeadUnits.ToList(),
            ResponsibleUnitNames = c.ResponsibleUnits.ToList(),
        }).ToList();

        // Numbering may restart (a second table counts from 1 again); a repeated number gets "#2", "#3" so every task
        // of a list has its own key for edits and comparisons.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        list.Tasks = parsed.Tasks.Select((t, i) =>
        {
            seen[t.Number] = seen.GetValueOrDefault(t.Number) + 1;
            var task = new TaskItem
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenantId,
                TaskListId = list.Id,
                Number = seen[t.Number] == 1 ? t.Number : $"{t.Number}#{seen[t.Number]}",
                Order = i,
                Category = t.Category,

                // The higher level's task a measure carries out stays with it, as a table's other columns do.
                Text = t.Context is { Length: > 0 } context ? $"{t.Text}（上级部署：{context}）" : t.Text,
                Deadline = t.Deadline,
                DeadlineText = t.DeadlineText,
                Indicators = t.Indicators.ToList(),
                SourceLine = t.SourceLine,
                Targets = t.Targets.Select(ToValue).ToList(),
            };
            task.Units = Units(task, UnitRole.Lead, t.LeadUnits, resolved)
                .Concat(Units(task, UnitRole.Responsible, t.ResponsibleUnits, resolved)).ToList();
            return task;
        }).ToList();
        return list;
    }

    public static IEnumerable<TaskUnit> Units(
        TaskItem task, UnitRole role, IEnumerable<string> names,
        IReadOnlyDictionary<string, (ResolvedUnit? Unit, IReadOnlyList<ResolvedUnit> Suggestions)> resolved) =>
        names.Select((name, i) =>
        {
            var unit = resolved.TryGetValue(name, out var r) ? r.Unit : null;
            return new TaskUnit
            {
                TenantId = task.TenantId,
                TaskItemId = task.Id,
                Role = role,
                Order = i,
                PrintedName = name,
                UnitId = unit?.Id,
                UnitName = unit?.Name,
            };
        });

    private static TargetValue ToValue(ParsedTarget t) => new()
    {
        Text = t.Text,
        Value = t.Value,
        ValueMin = t.ValueMin,
        Unit = t.Unit,
        Baseline = t.Baseline,
        Direction = t.Direction.ToString(),
        Grade = t.Grade,
        Metric = t.Metric,
    };
}
