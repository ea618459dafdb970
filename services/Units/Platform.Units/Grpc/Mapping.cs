using Google.Protobuf.WellKnownTypes;
using Platform.Units.Domain;
using V1 = Platform.Contracts.Units.V1;

namespace Platform.Units.Grpc;

internal static class Mapping
{
    public static V1.Unit ToProto(this Unit unit)
    {
        var proto = new V1.Unit
        {
            Id = unit.Id.ToString(),
            TenantId = unit.TenantId,
            Name = unit.Name,
            Kind = unit.Kind == UnitKind.Group ? V1.UnitKind.Group : V1.UnitKind.Unit,
            Version = unit.Version,
            CreatedAt = Timestamp.FromDateTimeOffset(unit.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(unit.UpdatedAt),
            RetiredAt = unit.RetiredAt is { } retired ? Timestamp.FromDateTimeOffset(retired) : null,
            MergedIntoId = unit.MergedIntoId?.ToString() ?? string.Empty,
        };
        proto.Aliases.AddRange(unit.Aliases.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Select(a => a.Alias));
        proto.MemberIds.AddRange(unit.MemberIds.Select(m => m.ToString()));
        return proto;
    }

    public static V1.Tenant ToProto(this TenantRecord tenant) => new()
    {
        Id = tenant.Id,
        Name = tenant.Name,
        ParentId = tenant.ParentId ?? string.Empty,
        Level = tenant.Level switch
        {
            TenantLevel.Province => V1.TenantLevel.Province,
            TenantLevel.Municipality => V1.TenantLevel.Municipality,
            _ => V1.TenantLevel.District,
        },
        CreatedAt = Timestamp.FromDateTimeOffset(tenant.CreatedAt),
        SuspendedAt = tenant.SuspendedAt is { } suspended ? Timestamp.FromDateTimeOffset(suspended) : null,
    };

    public static V1.Account ToProto(this Account account)
    {
        var proto = new V1.Account
        {
            Id = account.Id.ToString(),
            Username = account.Username,
            DisplayName = account.DisplayName,
            TenantId = account.TenantId,
            UnitId = account.UnitId?.ToString() ?? string.Empty,
            CreatedAt = Timestamp.FromDateTimeOffset(account.CreatedAt),
            Disabled = account.IsDisabled,
            Email = account.Email ?? string.Empty,
            Mobile = account.Mobile ?? string.Empty,
            MustChangePassword = account.MustChangePassword,
        };
        if (account.UpdatedAt is { } updated)
        {
            proto.UpdatedAt = Timestamp.FromDateTimeOffset(updated);
        }

        proto.Roles.AddRange(account.Roles);
        return proto;
    }

    public static V1.SignInLockout ToProto(this SignInLockout lockout) => new()
    {
        AccountId = lockout.AccountId.ToString(),
        Username = lockout.Username,
        TenantId = lockout.TenantId,
        LockedAt = Timestamp.FromDateTimeOffset(lockout.LockedAt),
        LockedUntil = Timestamp.FromDateTimeOffset(lockout.LockedUntil),
        FailedAttempts = lockout.FailedAttempts,
        ClientAddress = lockout.ClientAddress ?? string.Empty,
    };

    public static V1.Client ToProto(this IntegrationClient client)
    {
        var proto = new V1.Client
        {
            ClientId = client.ClientId,
            DisplayName = client.DisplayName,
            TenantId = client.TenantId,
            CreatedAt = Timestamp.FromDateTimeOffset(client.CreatedAt),
        };
        proto.Scopes.AddRange(client.Scopes);
        return proto;
    }

    public static UnitKind ToDomain(this V1.UnitKind kind) => kind switch
    {
        V1.UnitKind.Unspecified or V1.UnitKind.Unit => UnitKind.Unit,
        V1.UnitKind.Group => UnitKind.Group,
        _ => throw new Platform.ServiceDefaults.Errors.ValidationException("kind", $"unknown unit kind {(int)kind}"),
    };
}
