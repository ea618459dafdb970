using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Platform.Tasks.Domain;
using V1 = Platform.Contracts.Tasks.V1;

namespace Platform.Tasks.Grpc;

internal static class Mapping
{
    public static V1.TaskList ToProto(this TaskList list, bool withTasks,
        IReadOnlyDictionary<string, IReadOnlyList<Importing.ResolvedUnit>>? suggestions = null)
    {
        var proto = new V1.TaskList
        {
            Id = list.Id.ToString(),
            TenantId = list.TenantId,
            Year = list.Year,
            Status = list.Status switch
            {
                TaskListStatus.Draft => V1.TaskListStatus.Draft,
                TaskListStatus.Published => V1.TaskListStatus.Published,
                _ => V1.TaskListStatus.Archived,
            },
            Version = list.Version,
            Notice = new V1.Notice
            {
                DocNumber = list.DocNumber ?? string.Empty,
                Issuer = list.Issuer ?? string.Empty,
                IssuedOn = list.IssuedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
                Title = list.Title ?? string.Empty,
                ReportingCadence = list.ReportingCadence ?? string.Empty,
                DueRule = list.DueRule ?? string.Empty,
                ReportTo = list.ReportTo ?? string.Empty,
                ContactName = list.ContactName ?? string.Empty,
                ContactPhone = list.ContactPhone ?? string.Empty,
                ContactEmail = list.ContactEmail ?? string.Empty,
            },
            SourceFileName = list.SourceFileName,
            CreatedAt = Timestamp.FromDateTimeOffset(list.CreatedAt),
            PublishedAt = list.PublishedAt is { } p ? Timestamp.FromDateTimeOffset(p) : null,
            TaskCount = list.Tasks.Count,
        };
        proto.Warnings.AddRange(list.Warnings.Select(w => w.ToProto()));
        proto.UnresolvedUnits.AddRange(
            list.UnresolvedUnits().Select(u => Unresolved(u.PrintedName, u.TaskNumbers, suggestions)));
        if (withTasks)
        {
            proto.Categories.AddRange(list.Categories.OrderBy(c => c.Order).Select(c => c.ToProto(list)));
            proto.Tasks.AddRange(list.Tasks.OrderBy(t => t.Order).Select(t => t.ToProto(list.Year)));
        }

        return proto;
    }

    public static V1.UnresolvedName Unresolved(string printed, IEnumerable<string> numbers,
        IReadOnlyDictionary<string, IReadOnlyList<Importing.ResolvedUnit>>? suggestions)
    {
        var proto = new V1.UnresolvedName { PrintedName = printed };
        proto.TaskNumbers.AddRange(numbers);
        if (suggestions is not null && suggestions.TryGetValue(printed, out var found))
        {
            proto.Suggestions.AddRange(
                found.Select(s => new V1.UnitSuggestion { UnitId = s.Id.ToString(), Name = s.Name }));
        }

        return proto;
    }

    public static V1.DiffTaskListResponse ToProto(this TaskDiff diff, TaskList draft, TaskList? published)
    {
        var response = new V1.DiffTaskListResponse { DraftId = draft.Id.ToString() };
        if (published is not null)
        {
            response.PublishedId = published.Id.ToString();
            response.PublishedVersion = published.Version;
        }

        response.Added.AddRange(diff.Added.Select(t => new V1.TaskChange
        {
            Number = t.Number, Kind = "added", AfterText = t.Text,
        }));
        response.Removed.AddRange(diff.Removed.Select(t => new V1.TaskChange
        {
            Number = t.Number, Kind = "removed", BeforeText = t.Text,
        }));
        response.Carried.AddRange(diff.Carried.Select(t => new V1.TaskChange
        {
            Number = t.Number, Kind = "carried", AfterText = t.Text, CarriedFrom = t.CarriedFromProto(),
        }));
        response.Changed.AddRange(diff.Changed.Select(c =>
        {
            var change = new V1.TaskChange
            {
                Number = c.After.Number, Kind = "changed", BeforeText = c.Before.Text, AfterText = c.After.Text,
            };
            change.Fields.AddRange(c.Fields);
            return change;
        }));
        return response;
    }

    public static V1.ParseWarning ToProto(this ImportWarning warning) => new()
    {
        Code = warning.Code,
        Message = warning.Message,
        Line = warning.Line ?? 0,
        SourceText = warning.SourceText ?? string.Empty,
    };

    private static V1.Category ToProto(this Category category, TaskList list)
    {
        var proto = new V1.Category { Number = category.Number, Title = category.Title };
        proto.Indicators.AddRange(category.Indicators);
        var resolved = list.Tasks.SelectMany(t => t.Units).Where(u => u.UnitId is not null)
            .GroupBy(u => u.PrintedName).ToDictionary(g => g.Key, g => g.First());
        proto.LeadUnits.AddRange(category.LeadUnitNames.Select(n => Ref(n, resolved)));
        proto.ResponsibleUnits.AddRange(category.ResponsibleUnitNames.Select(n => Ref(n, resolved)));
        return proto;
    }

    private static V1.UnitRef Ref(string printed, Dictionary<string, TaskUnit> resolved) =>
        resolved.TryGetValue(printed, out var unit) ? unit.ToProto() : new V1.UnitRef { PrintedName = printed };

    public static V1.Task ToProto(this TaskItem task, int year)
    {
        var proto = new V1.Task
        {
            Id = task.Id.ToString(),
            TaskListId = task.TaskListId.ToString(),
            Number = task.Number,
            Category = task.Category ?? string.Empty,
            Text = task.Text,
            Deadline = task.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty,
            DeadlineText = task.DeadlineText ?? string.Empty,
            Year = year,
            CarriedFrom = task.CarriedFromProto(),
        };
        proto.LeadUnits.AddRange(task.Leads.Select(u => u.ToProto()));
        proto.ResponsibleUnits.AddRange(task.Responsible.Select(u => u.ToProto()));
        proto.Targets.AddRange(task.Targets.Select(t => t.ToProto()));
        proto.Indicators.AddRange(task.Indicators);
        var names = task.Units.Where(u => u.UnitId is not null)
            .GroupBy(u => u.UnitId!.Value)
            .ToDictionary(g => g.Key, g => g.First().UnitName ?? string.Empty);
        proto.Signatures.AddRange(task.Signatures.OrderBy(s => s.SignedAt).Select(s => new V1.Signature
        {
            UnitId = s.UnitId.ToString(),
            UnitName = names.GetValueOrDefault(s.UnitId, string.Empty),
            SignedBy = s.SignedBy,
            SignedAt = Timestamp.FromDateTimeOffset(s.SignedAt),
        }));
        return proto;
    }

    /// <summary>The task of the previous year this one continues, or null.</summary>
    public static V1.CarriedFrom? CarriedFromProto(this TaskItem task) =>
        task.CarriedFromTaskId is { } from
            ? new V1.CarriedFrom { TaskId = from.ToString(), Year = task.CarriedFromYear ?? 0 }
            : null;

    public static V1.UnitRef ToProto(this TaskUnit unit) => new()
    {
        PrintedName = unit.PrintedName,
        UnitId = unit.UnitId?.ToString() ?? string.Empty,
        UnitName = unit.UnitName ?? string.Empty,
    };

    public static V1.Target ToProto(this TargetValue target)
    {
        var proto = new V1.Target
        {
            Text = target.Text,
            Unit = target.Unit ?? string.Empty,
            Direction = target.Direction,
            Grade = target.Grade ?? string.Empty,
            Metric = target.Metric ?? string.Empty,
        };
        if (target.Value is { } v)
        {
            proto.Value = (double)v;
        }

        if (target.ValueMin is { } min)
        {
            proto.ValueMin = (double)min;
        }

        if (target.Baseline is { } b)
        {
            proto.Baseline = (double)b;
        }

        return proto;
    }

    public static TargetValue ToDomain(this V1.Target target) => new()
    {
        Text = target.Text,
        Value = target.HasValue ? (decimal)target.Value : null,
        ValueMin = target.HasValueMin ? (decimal)target.ValueMin : null,
        Unit = string.IsNullOrEmpty(target.Unit) ? null : target.Unit,
        Baseline = target.HasBaseline ? (decimal)target.Baseline : null,
        Direction = target.Direction,
        Grade = string.IsNullOrEmpty(target.Grade) ? null : target.Grade,
        Metric = string.IsNullOrEmpty(target.Metric) ? null : target.Metric,
    };
}
