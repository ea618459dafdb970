using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Security;

/// <summary>Permission checks shared by the gRPC services; the services then call the domain.</summary>
public static class Caller
{
    public static void Require(this ITenantContext caller, string scope)
    {
        if (!caller.Scopes.Contains(scope))
        {
            throw new ForbiddenException($"This needs the '{scope}' permission, which the caller does not have.");
        }
    }

    /// <summary>A district's own data, written by that district's admins (or clients granted the scope).</summary>
    public static string RequireDistrictWriter(this ITenantContext caller, string scope)
    {
        caller.Require(scope);
        if (caller.IsReadOnly)
        {
            throw new ForbiddenException("A municipal viewer reads districts' data and writes none.");
        }

        var tenant = caller.TenantId;
        if (tenant is null || !DivisionCode.IsValid(tenant))
        {
            throw new ForbiddenException("Only a division's own accounts change its directory.");
        }

        return tenant;
    }

    public static bool IsPlatformAdmin(this ITenantContext caller) =>
        caller.Roles.Contains(PlatformRoles.PlatformAdmin);

    /// <summary>
    /// A district's own office (district-admin) with the given permission: imports, edits, publishes, reviews.
    /// </summary>
    public static string RequireDistrictAdmin(this ITenantContext caller, string scope)
    {
        var tenant = caller.RequireDistrictWriter(scope);
        return caller.Roles.Contains(PlatformRoles.DistrictAdmin)
            ? tenant
            : throw new ForbiddenException("Only the district office (district-admin) may do this.");
    }

    /// <summary>
    /// The tenant a read is for: the caller's own unless it names one it may read (a municipal viewer's child).
    /// </summary>
    public static string ReadTenant(this ITenantContext caller, string? requested, string kind = "tenant")
    {
        if (string.IsNullOrWhiteSpace(requested) || requested == caller.TenantId)
        {
            return caller.TenantId ?? throw new ForbiddenException("The token names no tenant.");
        }

        if (!DivisionCode.IsValid(requested))
        {
            throw new ValidationException("tenant_id", $"'{requested}' is not a division code");
        }

        return caller.CanRead(requested) ? requested : throw new NotFoundException(kind, requested);
    }

    public static Guid ParseId(string? value, string field, string kind)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ValidationException(field, "is required");
        }

        // An id that is not even a GUID names nothing this caller can see.
        return Guid.TryParse(value, out var id)
            ? id
            : throw new NotFoundException(kind, value.Length > 64 ? value[..64] : value);
    }
}
