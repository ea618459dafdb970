using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Platform.MultiTenancy;
using Platform.ServiceDefaults.Errors;
using Platform.ServiceDefaults.Security;
using Platform.Units.Domain;
using Platform.Units.Identity;
using V1 = Platform.Contracts.Units.V1;

namespace Platform.Units.Grpc;

/// <summary>
/// A person's account over its life: edited, disabled and enabled, its password reset by the office or changed by the
/// person. Every change is audited with the account before and after, counted in <see cref="Account.Version"/> and
/// published as <see cref="AccountChanged"/>; a change that alters what a token says (unit, roles) or who may hold one
/// (disabled, a new password) ends the person's sessions.
/// </summary>
public sealed partial class AccessDirectoryService
{
    public override async Task<V1.Account> UpdateAccount(V1.UpdateAccountRequest request, ServerCallContext context)
    {
        var (account, admin, managed) = await ManagedAccountAsync(request.Id, context.CancellationToken);
        using var platform = managed;
        var before = AccountChanges.Snapshot(account);
        if (request.HasDisplayName)
        {
            account.DisplayName = ValidDisplayName(request.DisplayName);
        }

        if (request.HasEmail)
        {
            account.Email = ValidEmail(request.Email);
        }

        if (request.HasMobile)
        {
            account.Mobile = ValidMobile(request.Mobile);
        }

        var roles = request.Roles.Count > 0 ? request.Roles.Distinct().ToList() : account.Roles;
        ValidateRoles(roles, account.TenantId, admin);
        // Naming the unit the person is already in changes nothing, even if it has been retired since.
        var unitId = request.HasUnitId && request.UnitId != account.UnitId?.ToString()
            ? string.IsNullOrEmpty(request.UnitId)
                ? null
                : await ExistingUnitAsync(request.UnitId, account.TenantId, context.CancellationToken)
            : account.UnitId;
        RequireUnitFor(roles, unitId);
        if (account.Id.ToString() == caller.UserId && !roles.SequenceEqual(account.Roles))
        {
            throw new PreconditionException("Nobody changes their own roles; another administrator of the district " +
                "does.");
        }

        var now = clock.GetUtcNow();
        if (unitId != account.UnitId
            || !roles.Order(StringComparer.Ordinal).SequenceEqual(account.Roles.Order(StringComparer.Ordinal)))
        {
            // The tokens the person holds name the old unit and roles.
            account.UnitId = unitId;
            account.Roles = roles;
            await changes.EndSessionsAsync(account, now, context.CancellationToken);
        }

        if (AccountChanges.Snapshot(account) == before)
        {
            return account.ToProto(); // nothing changed: nothing to audit or publish
        }

        await SaveChangeAsync(account, AccountActions.Updated, before, now, context.CancellationToken);
        return account.ToProto();
    }

    public override async Task<V1.Account> DisableAccount(V1.AccountActionRequest request, ServerCallContext context)
    {
        var (account, _, managed) = await ManagedAccountAsync(request.Id, context.CancellationToken);
        using var platform = managed;
        if (account.Id.ToString() == caller.UserId)
        {
            throw new PreconditionException("Nobody disables their own account; another administrator of the " +
                "district does.");
        }

        if (account.IsDisabled)
        {
            return account.ToProto();
        }

        var before = AccountChanges.Snapshot(account);
        var now = clock.GetUtcNow();
        account.IsDisabled = true;
        await changes.EndSessionsAsync(account, now, context.CancellationToken);
        await SaveChangeAsync(account, AccountActions.Disabled, before, now, context.CancellationToken);
        return account.ToProto();
    }

    public override async Task<V1.Account> EnableAccount(V1.AccountActionRequest request, ServerCallContext context)
    {
        var (account, _, managed) = await ManagedAccountAsync(request.Id, context.CancellationToken);
        using var platform = managed;
        if (!account.IsDisabled)
        {
            return account.ToProto();
        }

        var before = AccountChanges.Snapshot(account);
        account.IsDisabled = false;
        await SaveChangeAsync(account, AccountActions.Enabled, before, clock.GetUtcNow(), context.CancellationToken);
        return account.ToProto();
    }

    public override async Task<V1.ResetPasswordResponse> ResetPassword(
        V1.AccountActionRequest request, ServerCallContext context)
    {
        var (account, _, managed) = await ManagedAccountAsync(request.Id, context.CancellationToken);
        using var platform = managed;
        var before = AccountChanges.Snapshot(account);
        var now = clock.GetUtcNow();
        var password = Secrets.NewInitialPassword();
        account.PasswordHash = Secrets.Hash(password);
        account.MustChangePassword = true;
        await changes.EndSessionsAsync(account, now, context.CancellationToken);
        await SaveChangeAsync(account, AccountActions.PasswordReset, before, now, context.CancellationToken);
        return new V1.ResetPasswordResponse { Account = account.ToProto(), InitialPassword = password };
    }

    public override async Task<V1.ChangePasswordResponse> ChangePassword(
        V1.ChangePasswordRequest request, ServerCallContext context)
    {
        // Any signed-in person, for themselves: the account is the token's subject, never a parameter.
        var id = OwnAccount();
        if (Secrets.ValidatePassword(request.NewPassword, options.Value.MinPasswordLength) is { } error)
        {
            throw new ValidationException("new_password", error);
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, context.CancellationToken)
            ?? throw new NotFoundException("account", id.ToString());
        // The current password is checked like a sign-in's: a stolen session cannot be used to guess it, since wrong
        // ones count towards the same delay and lock (the lock refuses even the right one), and a right one clears
        // them.
        var valid = Secrets.Verify(account.PasswordHash, request.CurrentPassword);
        // The throttle counts by username across districts, and a read-only viewer changes its own password too: the
        // rest of the request runs as the platform.
        using var platform = caller.AsSystem("a person changes their own password");
        var verdict = await throttle.CheckAsync(
            account.Username,
            account,
            valid,
            context.GetHttpContext().Connection.RemoteIpAddress?.ToString(),
            context.CancellationToken);
        if (!verdict.Allowed)
        {
            await Task.Delay(verdict.Delay, context.CancellationToken);
            throw new ValidationException("current_password",
                "is not this account's password, or too many wrong passwords were given: after " +
                $"{options.Value.SignIn.MaxFailures} in a row the " +
                "account is locked for a while, for signing in too");
        }

        if (request.NewPassword == request.CurrentPassword)
        {
            throw new ValidationException("new_password", "must differ from the current one");
        }

        var before = AccountChanges.Snapshot(account);
        var now = clock.GetUtcNow();
        account.PasswordHash = Secrets.Hash(request.NewPassword);
        account.MustChangePassword = false;
        await changes.EndSessionsAsync(account, now, context.CancellationToken);
        await SaveChangeAsync(account, AccountActions.PasswordChanged, before, now, context.CancellationToken);
        return new V1.ChangePasswordResponse();
    }

    public override async Task<V1.ListAccountAuditResponse> ListAccountAudit(
        V1.ListAccountAuditRequest request, ServerCallContext context)
    {
        caller.Require(PlatformScopes.AccountsRead);
        var paging = Paging.From(request.PageSize, request.PageToken, DefaultPageSize, MaxPageSize);
        var tenantId = string.IsNullOrEmpty(request.TenantId) ? caller.TenantId! : request.TenantId;
        // Only reads follow; a platform admin's reach the named tenant.
        using var platform = caller.IsPlatformAdmin()
            ? caller.AsSystem("a platform admin reads an account audit")
            : null;
        if (platform is null && tenantId != caller.TenantId)
        {
            throw new NotFoundException("tenant", tenantId);
        }

        var query = db.AccountAudit.AsNoTracking().Where(e => e.TenantId == tenantId);
        if (!string.IsNullOrEmpty(request.AccountId))
        {
            var accountId = Caller.ParseId(request.AccountId, "account_id", "account");
            query = query.Where(e => e.AccountId == accountId);
        }

        var total = await query.CountAsync(context.CancellationToken);
        var page = await query.OrderByDescending(e => e.At)
            .ThenByDescending(e => e.Id)
            .Skip(paging.Offset)
            .Take(paging.Size)
            .ToListAsync(context.CancellationToken);
        var ids = page.Select(e => e.AccountId).ToHashSet();
        var names = await db.Accounts.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.Username, context.CancellationToken);
        var response = new V1.ListAccountAuditResponse { NextPageToken = paging.NextToken(page.Count, total) };
        response.Entries.AddRange(page.Select(e => new V1.AccountAuditEntry
        {
            AccountId = e.AccountId.ToString(), Username = names.GetValueOrDefault(e.AccountId, string.Empty),
            Action = e.Action, Actor = e.Actor,
            At = Timestamp.FromDateTimeOffset(e.At), Before = e.Before ?? string.Empty, After = e.After ?? string.Empty,
        }));
        return response;
    }

    /// <summary>
    /// The account a caller with <c>accounts.write</c> manages: its own district's for a district admin (another's is
    /// not found), any for a platform admin. For a platform admin it comes with the system scope it was read in, which
    /// the handler keeps until its save and then disposes; for a district admin the scope is null.
    /// </summary>
    private async Task<(Account Account, bool Admin, IDisposable? Platform)> ManagedAccountAsync(
        string id, CancellationToken cancellationToken)
    {
        caller.Require(PlatformScopes.AccountsWrite);
        var admin = caller.IsPlatformAdmin();
        if (!admin && caller.IsReadOnly)
        {
            throw new ForbiddenException("A municipal viewer reads districts' data and manages no accounts.");
        }

        var accountId = Caller.ParseId(id, "id", "account");
        var platform = admin ? caller.AsSystem("a platform admin manages an account") : null;
        try
        {
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
            return account is not null && (admin || account.TenantId == caller.TenantId)
                ? (account, admin, platform)
                : throw new NotFoundException("account", id);
        }
        catch
        {
            platform?.Dispose();
            throw;
        }
    }

    /// <summary>The change counted, audited and published in the same transaction as the account.</summary>
    private async Task SaveChangeAsync(
        Account account, string action, string before, DateTimeOffset now, CancellationToken cancellationToken)
    {
        changes.Changed(account, action, before, Actor, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The account was changed by someone else meanwhile; read it again and retry.");
        }
    }

    private string Actor => caller.UserId ?? "system";

    private async Task<Guid> ExistingUnitAsync(string unitId, string tenantId, CancellationToken cancellationToken)
    {
        var id = Caller.ParseId(unitId, "unit_id", "unit");
        var unit = await db.Units.AsNoTracking()
            .Where(u => u.Id == id && u.TenantId == tenantId)
            .Select(u => new { u.Name, u.RetiredAt })
            .SingleOrDefaultAsync(cancellationToken)
                ?? throw new ValidationException("unit_id", $"no unit {unitId} in tenant {tenantId}");
        return unit.RetiredAt is null
            ? id
            : throw new ValidationException("unit_id", $"'{unit.Name}' is retired and takes no new people");
    }

    internal static void RequireUnitFor(IEnumerable<string> roles, Guid? unitId)
    {
        if (unitId is null
            && roles.Any(r =>
                r is PlatformRoles.UnitReporter or PlatformRoles.UnitContributor or PlatformRoles.UnitLeader))
        {
            throw new ValidationException("unit_id", "a unit reporter, contributor or leader belongs to a unit");
        }
    }

    internal static string ValidDisplayName(string name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100
            ? throw new ValidationException("display_name", "must be 1 to 100 characters")
            : name.Trim();

    internal static string? ValidEmail(string email)
    {
        email = email.Trim();
        return email.Length == 0 ? null
            : email.Length <= Account.MaxEmailLength && EmailPattern().IsMatch(email) ? email
            : throw new ValidationException("email", "must be an e-mail address such as name@example.gov.cn, or empty");
    }

    internal static string? ValidMobile(string mobile)
    {
        mobile = mobile.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("-", string.Empty, StringComparison.Ordinal);
        return mobile.Length == 0 ? null
            : MobilePattern().IsMatch(mobile) ? mobile
            : throw new ValidationException(
                "mobile", "must be a mainland mobile number (11 digits starting with 1, optionally +86), or empty");
    }

    [GeneratedRegex(@"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(\+86)?1[3-9][0-9]{9}$")]
    private static partial Regex MobilePattern();
}
