using System.Text.Json.Nodes;

namespace Platform.Portal;

/// <summary>An audit entry's change in words, field by field: "姓名：张三 → 张三丰；角色：… → …".</summary>
public static class AuditText
{
    /// <param name="before">The record before, as the service's JSON object (empty for a new record).</param>
    /// <param name="after">The record after.</param>
    /// <param name="field">A field's name as the office reads it.</param>
    /// <param name="value">A field's value as the office reads it (null when the field is absent).</param>
    public static string Change(
        string before, string after, Func<string, string> field, Func<string, JsonNode?, string> value)
    {
        if (before.Length == 0 || after.Length == 0)
        {
            return string.Empty;
        }

        var was = JsonNode.Parse(before)!.AsObject();
        var now = JsonNode.Parse(after)!.AsObject();
        return string.Join("；", now.Where(p => !JsonNode.DeepEquals(p.Value, was[p.Key]))
            .Select(p => $"{field(p.Key)}：{value(p.Key, was[p.Key])} → {value(p.Key, p.Value)}"));
    }
}
