using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Platform.Contracts.Units.V1;

namespace Platform.Units.Tests;

/// <summary>
/// A person's account over its life, as the district office runs it: created without a password (a one-time one to
/// hand over, replaced at the first sign-in), edited, disabled — every session ends, refresh tokens at once and
/// access tokens as soon as the revocation list has it — enabled, its password reset; the person changing their own.
/// Every change audited without a password in it; and every attempt to do it to another district, with too few rights,
/// or to oneself refused.
/// </summary>
[Collection(UnitsCollection.Name)]
public sealed class AccountLifecycleTests(UnitsApp app)
{
    private const string OwnPassword = "my-own-secret-1";

    [Fact]
    public async Task AnOfficeCreatesEditsDisablesAndEnablesAPersonAndEveryChangeIsAudited()
    {
        var office = await app.TokenAsync("yz.admin");
        var access = app.Access();
        var username = "yz.p" + UnitsApp.Unique();

        var created = await access.CreateAccountAsync(new CreateAccountRequest
        {
            Username = username,
            DisplayName = "张三",
            Roles = { "unit-reporter" },
            UnitId = app.ScjUnitId,
            Email = "zhangsan@yz.gov.cn",
            Mobile = "138 0000 1234",
        }, UnitsApp.Bearer(office));
        Assert.True(created.MustChangePassword);
        Assert.Equal(12, created.InitialPassword.Length);
        Assert.Equal(("zhangsan@yz.gov.cn", "13800001234"), (created.Email, created.Mobile));
        Assert.DoesNotContain(
            (await access.ListAccountsAsync(new ListAccountsRequest(), UnitsApp.Bearer(office))).Accounts,
            a => a.Id == created.Id && a.InitialPassword.Length > 0);

        // The office's password opens nothing until the person has chosen their own, in the same request.
        var (status, refused) = await app.SignInAsync(username, created.InitialPassword);
        Assert.Equal(
            (HttpStatusCode.BadRequest, "password_change_required"),
            (status, refused.GetProperty("error").GetString()));
        var (same, _) = await app.SignInAsync(username, created.InitialPassword, newPassword: created.InitialPassword);
        Assert.Equal(HttpStatusCode.BadRequest, same);
        var (signedIn, session) = await app.SignInAsync(username, created.InitialPassword, newPassword: OwnPassword);
        Assert.Equal(HttpStatusCode.OK, signedIn);
        var (again, _) = await app.SignInAsync(username, OwnPassword);
        Assert.Equal(HttpStatusCode.OK, again);
        var token = session.GetProperty("access_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, await app.StatusAsync(token));

        // Edited: only the fields sent change; a bad e-mail or mobile changes nothing.
        var badEmail = await Assert.ThrowsAsync<RpcException>(() => access.UpdateAccountAsync(
            new UpdateAccountRequest { Id = created.Id, Email = "not-an-address", DisplayName = "李四" },
            UnitsApp.Bearer(office)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badEmail.StatusCode);
        var badMobile = await Assert.ThrowsAsync<RpcException>(() => access.UpdateAccountAsync(
            new UpdateAccountRequest { Id = created.Id, Mobile = "12345" }, UnitsApp.Bearer(office)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, badMobile.StatusCode);
        // no change, no audit
        await access.UpdateAccountAsync(
            new UpdateAccountRequest { Id = created.Id, DisplayName = "张三" },
            UnitsApp.Bearer(office));
        var renamed = await access.UpdateAccountAsync(
            new UpdateAccountRequest { Id = created.Id, DisplayName = "张三丰", Email = "" },
            UnitsApp.Bearer(office));
        Assert.Equal(
            ("张三丰", "", "13800001234", false),
            (renamed.DisplayName, renamed.Email, renamed.Mobile, renamed.MustChangePassword));
        Assert.Equal(HttpStatusCode.OK, await app.StatusAsync(token)); // a new name keeps the session

        // Disabled: the refresh token is refused at once, the access token as soon as the list has it,
        // the password too.
        var disabled =
            await access.DisableAccountAsync(new AccountActionRequest { Id = created.Id }, UnitsApp.Bearer(office));
        Assert.True(disabled.Disabled);
        var (refreshed, _) = await app.RefreshAsync(session.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed);
        await UnitsApp.EventuallyAsync(async () => await app.StatusAsync(token) == HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.SignInAsync(username, OwnPassword)).Status);
        using (var list = await app.Http.GetAsync("/connect/revocations"))
        {
            var revoked = (await list.Content.ReadFromJsonAsync<JsonElement>())
                .GetProperty("revoked")
                .EnumerateArray()
                .Select(r => r.GetProperty("sub").GetString())
                .ToList();
            Assert.Contains(created.Id, revoked);
        }

        // Enabled: a new sign-in works (and is not caught by the revocation of the old sessions).
        Assert.False((await access.EnableAccountAsync(
            new AccountActionRequest { Id = created.Id },
            UnitsApp.Bearer(office))).Disabled);
        var (back, fresh) = await app.SignInAsync(username, OwnPassword);
        Assert.Equal(HttpStatusCode.OK, back);
        Assert.Equal(HttpStatusCode.OK, await app.StatusAsync(fresh.GetProperty("access_token").GetString()!));
        Assert.Equal(HttpStatusCode.Unauthorized, await app.StatusAsync(token));

        // The audit: who did what, before and after, newest first; no password nor hash anywhere in it.
        var audit = await access.ListAccountAuditAsync(
            new ListAccountAuditRequest { AccountId = created.Id },
            UnitsApp.Bearer(office));
        Assert.Equal(
            ["enabled", "disabled", "updated", "password-changed", "created"],
            audit.Entries.Select(e => e.Action));
        var officeId = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(office).Subject;
        Assert.Equal([officeId, officeId, officeId, created.Id, officeId], audit.Entries.Select(e => e.Actor));
        var update = audit.Entries.Single(e => e.Action == "updated");
        Assert.Equal("张三", JsonDocument.Parse(update.Before).RootElement.GetProperty("displayName").GetString());
        Assert.Equal("张三丰", JsonDocument.Parse(update.After).RootElement.GetProperty("displayName").GetString());
        var everything = string.Join("\n", audit.Entries.SelectMany(e => new[] { e.Before, e.After }));
        Assert.DoesNotContain(created.InitialPassword, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(OwnPassword, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", everything, StringComparison.Ordinal); // the hasher's prefix
    }

    [Fact]
    public async Task AResetPasswordEndsEverySessionAndMustBeReplacedAndAPersonChangesOnlyTheirOwn()
    {
        var office = await app.TokenAsync("yz.admin");
        var access = app.Access();
        var username = "yz.q" + UnitsApp.Unique();
        var created = await access.CreateAccountAsync(new CreateAccountRequest
        {
            Username = username, DisplayName = "王五", Roles = { "district-leader" }, Password = OwnPassword,
        }, UnitsApp.Bearer(office));
        Assert.False(created.MustChangePassword);
        Assert.Empty(created.InitialPassword);
        var (_, session) = await app.SignInAsync(username, OwnPassword);
        var token = session.GetProperty("access_token").GetString()!;

        var reset =
            await access.ResetPasswordAsync(new AccountActionRequest { Id = created.Id }, UnitsApp.Bearer(office));
        Assert.True(reset.Account.MustChangePassword);
        Assert.Equal(HttpStatusCode.BadRequest, (await app.SignInAsync(username, OwnPassword)).Status);
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await app.RefreshAsync(session.GetProperty("refresh_token").GetString()!)).Status);
        await UnitsApp.EventuallyAsync(async () => await app.StatusAsync(token) == HttpStatusCode.Unauthorized);
        var (_, chosen) = await app.SignInAsync(username, reset.InitialPassword, newPassword: "second-own-secret");
        var person = chosen.GetProperty("access_token").GetString()!;

        // The person's own change: the current password is asked for, and nobody else's can be named.
        var wrong = await Assert.ThrowsAsync<RpcException>(() => access.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = "not-it-at-all", NewPassword = "third-own-secret" },
            UnitsApp.Bearer(person)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        var tooShort = await Assert.ThrowsAsync<RpcException>(() => access.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = "second-own-secret", NewPassword = "abc" },
            UnitsApp.Bearer(person)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, tooShort.StatusCode);
        await access.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = "second-own-secret", NewPassword = "third-own-secret" },
            UnitsApp.Bearer(person));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.SignInAsync(username, "second-own-secret")).Status);
        Assert.Equal(HttpStatusCode.OK, (await app.SignInAsync(username, "third-own-secret")).Status);
        await UnitsApp.EventuallyAsync(async () => await app.StatusAsync(person) == HttpStatusCode.Unauthorized);

        // An integration client has no password to change.
        var client = await app.TokenResponseAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "yz.integration",
            ["client_secret"] = "integration-secret",
        });
        var refused = await Assert.ThrowsAsync<RpcException>(() => access.ChangePasswordAsync(
            new ChangePasswordRequest { CurrentPassword = "integration-secret", NewPassword = "third-own-secret" },
            UnitsApp.Bearer(client.GetProperty("access_token").GetString()!)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task NobodyManagesAnotherDistrictsPeopleWithoutTheRightOrTheirOwnRolesAndAccess()
    {
        var access = app.Access();
        var yz = await app.TokenAsync("yz.admin");
        var target = await access.CreateAccountAsync(new CreateAccountRequest
        {
            Username = "yz.r" + UnitsApp.Unique(),
            DisplayName = "赵六",
            Roles = { "district-leader" },
            Password = OwnPassword,
        }, UnitsApp.Bearer(yz));
        var id = new AccountActionRequest { Id = target.Id };

        // Another district's office: the account does not exist for it, whatever it tries.
        var jb = UnitsApp.Bearer(await app.TokenAsync("jb.admin"));
        foreach (var attempt in new Func<Task>[]
        {
            () => access.DisableAccountAsync(id, jb).ResponseAsync,
            () => access.EnableAccountAsync(id, jb).ResponseAsync,
            () => access.ResetPasswordAsync(id, jb).ResponseAsync,
            () => access.UpdateAccountAsync(
                new UpdateAccountRequest { Id = target.Id, DisplayName = "x" },
                jb).ResponseAsync,
        })
        {
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(attempt)).StatusCode);
        }

        Assert.Empty(
            (await access.ListAccountAuditAsync(new ListAccountAuditRequest { AccountId = target.Id }, jb)).Entries);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() =>
            access.ListAccountAuditAsync(
                new ListAccountAuditRequest { TenantId = "500103" },
                jb).ResponseAsync)).StatusCode);

        // A reporter and a municipal viewer have no right to manage people; the viewer oversees 渝中
        // and still cannot.
        foreach (var who in new[] { "yz.scj", "cq.viewer" })
        {
            var caller = UnitsApp.Bearer(await app.TokenAsync(who));
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(
                () => access.DisableAccountAsync(id, caller).ResponseAsync)).StatusCode);
            Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(
                () => access.ResetPasswordAsync(id, caller).ResponseAsync)).StatusCode);
        }

        // The office cannot hand out a platform role, lock itself out or change its own roles.
        var escalate = await Assert.ThrowsAsync<RpcException>(() => access.UpdateAccountAsync(
            new UpdateAccountRequest { Id = target.Id, Roles = { "platform-admin" } },
            UnitsApp.Bearer(yz)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, escalate.StatusCode);
        var self = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(yz).Subject;
        Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(() =>
            access.DisableAccountAsync(
                new AccountActionRequest { Id = self },
                UnitsApp.Bearer(yz)).ResponseAsync)).StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, (await Assert.ThrowsAsync<RpcException>(() =>
            access.UpdateAccountAsync(
                new UpdateAccountRequest { Id = self, Roles = { "district-leader" } },
                UnitsApp.Bearer(yz)).ResponseAsync)).StatusCode);
        var reporterWithoutUnit = await Assert.ThrowsAsync<RpcException>(() => access.UpdateAccountAsync(
            new UpdateAccountRequest { Id = target.Id, Roles = { "unit-reporter" } },
            UnitsApp.Bearer(yz)).ResponseAsync);
        Assert.Contains("unit_id", reporterWithoutUnit.Status.Detail);
        Assert.DoesNotContain((await access.ListAccountAuditAsync(
            new ListAccountAuditRequest { AccountId = target.Id },
            UnitsApp.Bearer(yz))).Entries,
            e => e.Action != "created");
    }
}
