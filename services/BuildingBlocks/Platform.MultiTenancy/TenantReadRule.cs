using System.Linq.Expressions;
using System.Reflection;

namespace Platform.MultiTenancy;

/// <summary>
/// Which rows a caller may read: its own tenant's; those of every tenant whose code starts with its read prefix (a
/// higher-level reader; an empty prefix reads nothing more); every row in the system context. Written once, as an
/// expression: <see cref="TenantContext.CanRead"/> runs it compiled, <see cref="TenantDbContext"/>'s query filter
/// hands it to EF. PostgreSQL's policies (<see cref="RowLevelSecurity"/>) say the same in SQL; a test holds the three
/// to one answer.
/// </summary>
public static class TenantReadRule
{
    /// <summary>(system, the reader's tenant, its read prefix, the row's tenant) => may it read the row.</summary>
    /// <remarks>
    /// <see cref="string.StartsWith(string)"/> is what EF translates to SQL's LIKE; the compiled form compares
    /// ordinally, as the database does.
    /// </remarks>
    public static Expression<Func<bool, string?, string?, string, bool>> Rule { get; } =
        (system, tenantId, readPrefix, rowTenant) => system
            || rowTenant == tenantId
            || (readPrefix != null && readPrefix != "" && rowTenant.StartsWith(readPrefix));

    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(
        nameof(string.StartsWith), [typeof(string)])!;

    private static readonly MethodInfo StartsWithOrdinal =
        typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;

    private static readonly Func<bool, string?, string?, string, bool> Compiled =
        Expression.Lambda<Func<bool, string?, string?, string, bool>>(
                new OrdinalStartsWith().Visit(Rule.Body),
                Rule.Parameters)
            .Compile();

    public static bool Allows(bool system, string? tenantId, string? readPrefix, string rowTenant) =>
        Compiled(system, tenantId, readPrefix, rowTenant);

    /// <summary>
    /// The rule with the reader's three values taken from <paramref name="system"/>, <paramref name="tenantId"/> and
    /// <paramref name="readPrefix"/> (e.g. members of a DbContext, which EF evaluates per query) and the row's tenant
    /// from <paramref name="rowTenant"/>.
    /// </summary>
    public static Expression Apply(
        Expression system, Expression tenantId, Expression readPrefix, Expression rowTenant) =>
        new Substitution(new Dictionary<ParameterExpression, Expression>
        {
            [Rule.Parameters[0]] = system,
            [Rule.Parameters[1]] = tenantId,
            [Rule.Parameters[2]] = readPrefix,
            [Rule.Parameters[3]] = rowTenant,
        }).Visit(Rule.Body);

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> values) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            values.TryGetValue(node, out var value) ? value : node;
    }

    private sealed class OrdinalStartsWith : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method == StartsWith
                ? Expression.Call(
                    Visit(node.Object),
                    StartsWithOrdinal,
                    Visit(node.Arguments[0]),
                    Expression.Constant(StringComparison.Ordinal))
                : base.VisitMethodCall(node);
    }
}
