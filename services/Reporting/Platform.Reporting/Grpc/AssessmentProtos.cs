using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;
using Platform.Reporting.Domain.Assessment;
using Platform.ServiceDefaults.Errors;
using V1 = Platform.Contracts.Reporting.V1;

namespace Platform.Reporting.Grpc;

/// <summary>The assessment's messages and the domain's records, both ways; what comes in is checked on the way.</summary>
internal static class AssessmentProtos
{
    private const int MaxItems = 32;

    public static AssessmentRules FromProto(V1.AssessmentRules? rules)
    {
        if (rules is null)
        {
            throw new ValidationException("rules", "is required");
        }

        if (rules.Items.Count > MaxItems)
        {
            throw new ValidationException("rules.items", $"at most {MaxItems} items");
        }

        var items = rules.Items.Select(i => new AssessmentItem(
            Kind(i.Kind),
            Number(i.Points, "rules.items.points"),
            i.HasCap ? Number(i.Cap, "rules.items.cap") : null,
            i.Enabled)).ToList();
        return new AssessmentRules(Number(rules.BaseScore, "rules.base_score"), rules.ClosureCountsAsCompleted, items)
            .Validated();
    }

    public static V1.AssessmentRules ToProto(AssessmentRules rules)
    {
        var proto = new V1.AssessmentRules
        {
            BaseScore = (double)rules.BaseScore, ClosureCountsAsCompleted = rules.ClosureCountsAsCompleted,
        };
        proto.Items.AddRange(rules.Items.Select(i =>
        {
            var item = new V1.AssessmentItem { Kind = i.Kind.ToString(), Points = (double)i.Points, Enabled = i.Enabled };
            if (i.Cap is { } cap)
            {
                item.Cap = (double)cap;
            }

            return item;
        }));
        return proto;
    }

    public static V1.AssessmentRuleSet ToProto(AssessmentRuleSet set) => new()
    {
        Version = set.Version, Rules = ToProto(set.Rules), CreatedBy = set.CreatedBy,
        CreatedAt = Timestamp.FromDateTimeOffset(set.CreatedAt),
    };

    public static V1.UnitAssessment ToProto(UnitAssessment unit)
    {
        var proto = new V1.UnitAssessment
        {
            UnitId = unit.UnitId.ToString(), UnitName = unit.UnitName, Score = (double)unit.Score, Rank = unit.Rank,
        };
        proto.Reasons.AddRange(unit.Reasons.Select(r => new V1.AssessmentReason
        {
            Kind = r.Kind.ToString(), Text = r.Text, Points = (double)r.Points, Capped = r.Capped,
        }));
        return proto;
    }

    /// <summary>A kind by its name only: a number would name whatever kind has it.</summary>
    private static AssessmentItemKind Kind(string name) =>
        Enum.GetNames<AssessmentItemKind>().Contains(name, StringComparer.Ordinal)
            ? Enum.Parse<AssessmentItemKind>(name)
            : throw new ValidationException(
                "rules.items.kind",
                $"'{(name.Length > 40 ? name[..40] : name)}' is not one of " +
                string.Join(", ", Enum.GetNames<AssessmentItemKind>()));

    /// <summary>A finite number the rules can hold; their own limits are checked by the domain.</summary>
    private static decimal Number(double value, string field) =>
        double.IsFinite(value) && Math.Abs(value) <= 1_000_000
            ? Math.Round((decimal)value, 4)
            : throw new ValidationException(field, "must be a number between 0 and 1000");
}
