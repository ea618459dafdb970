using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.MultiTenancy;

public static class JsonbConversion
{
    /// <summary>
    /// Stores a list of small records as one jsonb column, compared by content so edits are detected.
    /// </summary>
    public static PropertyBuilder<List<T>> HasJsonbConversion<T>(this PropertyBuilder<List<T>> property)
    {
        var options = JsonSerializerOptions.Web;
        return property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, options),
            v => JsonSerializer.Deserialize<List<T>>(v, options) ?? new List<T>(),
            new ValueComparer<List<T>>(
                (a, b) => JsonSerializer.Serialize(a, options) == JsonSerializer.Serialize(b, options),
                v => JsonSerializer.Serialize(v, options).GetHashCode(),
                v => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(v, options), options)!));
    }
}
