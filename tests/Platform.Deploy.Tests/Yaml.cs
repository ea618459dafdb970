using System.Globalization;

namespace Platform.Deploy.Tests;

/// <summary>
/// Navigation over the untyped object graph YamlDotNet produces: mappings are
/// <c>IDictionary&lt;object, object?&gt;</c>, sequences <c>IList&lt;object?&gt;</c>, scalars strings.
/// </summary>
internal static class Yaml
{
    public static object? At(this object? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not IDictionary<object, object?> map || !map.TryGetValue(key, out node))
            {
                return null;
            }
        }

        return node;
    }

    public static IDictionary<object, object?>? Map(this object? node, params string[] path) =>
        node.At(path) as IDictionary<object, object?>;

    public static IReadOnlyList<object?> Seq(this object? node, params string[] path) =>
        node.At(path) is IList<object?> list ? list.ToList() : [];

    public static IEnumerable<IDictionary<object, object?>> Maps(this object? node, params string[] path) =>
        node.Seq(path).OfType<IDictionary<object, object?>>();

    public static string? Str(this object? node, params string[] path) => node.At(path) as string;

    public static bool IsTrue(this object? node, params string[] path) =>
        string.Equals(node.Str(path), "true", StringComparison.OrdinalIgnoreCase);

    public static bool IsFalse(this object? node, params string[] path) =>
        string.Equals(node.Str(path), "false", StringComparison.OrdinalIgnoreCase);

    public static bool Has(this object? node, params string[] path) => node.At(path) is not null;

    /// <summary>A mapping of scalars (labels, annotations, ConfigMap data) as strings.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(this object? node, params string[] path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.Map(path) is { } map)
        {
            foreach (var (key, value) in map)
            {
                result[key.ToString() ?? ""] = value as string ?? "";
            }
        }

        return result;
    }

    /// <summary>
    /// Does a Kubernetes label selector (matchLabels/matchExpressions form, or a plain map when
    /// <paramref name="plainMap"/> is set, as in a Service) select a pod with these labels?
    /// </summary>
    public static bool Selects(object? selector, IReadOnlyDictionary<string, string> labels, bool plainMap = false)
    {
        if (plainMap)
        {
            var wanted = selector.StringMap();
            return wanted.Count > 0 && wanted.All(kv => labels.TryGetValue(kv.Key, out var v) && v == kv.Value);
        }

        if (selector.StringMap("matchLabels").Any(kv => !labels.TryGetValue(kv.Key, out var v) || v != kv.Value))
        {
            return false;
        }

        foreach (var expression in selector.Maps("matchExpressions"))
        {
            var key = expression.Str("key") ?? "";
            var values = expression.Seq("values").OfType<string>().ToHashSet(StringComparer.Ordinal);
            var present = labels.TryGetValue(key, out var actual);
            var ok = expression.Str("operator") switch
            {
                "In" => present && values.Contains(actual!),
                "NotIn" => !present || !values.Contains(actual!),
                "Exists" => present,
                "DoesNotExist" => !present,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a selector that selects every pod (missing, or with no terms).</summary>
    public static bool SelectsEverything(object? selector) =>
        selector is null
        || (selector is IDictionary<object, object?> map
            && map.Map("matchLabels") is not { Count: > 0 }
            && map.Seq("matchExpressions").Count == 0
            && map.Keys.All(k => k is "matchLabels" or "matchExpressions"));

    /// <summary>Parses a Kubernetes resource quantity ("250m", "1", "512Mi", "1Gi", "1e3").</summary>
    public static decimal Quantity(string text)
    {
        (string Suffix, decimal Factor)[] suffixes =
        [
            ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024),
            ("m", 0.001m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m),
        ];
        foreach (var (suffix, factor) in suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return decimal.Parse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture) * factor;
            }
        }

        return decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
