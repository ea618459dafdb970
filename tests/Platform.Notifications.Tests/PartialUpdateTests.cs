using System.Net;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Platform.Contracts.Notifications.V1;

namespace Platform.Notifications.Tests;

/// <summary>
/// An update changes what it names and nothing else, over gRPC and over REST (JSON transcoding): a field left out is
/// "unchanged", not 0 or false — a PUT with one field once switched every supervision rule off. An empty body changes
/// nothing; a value out of range changes nothing either.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class PartialUpdateTests(NotificationsApp app)
{
    private static readonly string[] SettingsFields =
    [
        "reminderDaysBefore",
        "overdueAfterDays",
        "escalateAfterDays",
        "assignmentEnabled",
        "reminderEnabled",
        "overdueEnabled",
        "escalationEnabled",
        "reviewEnabled",
    ];

    private static int lastDistrict;
    private readonly string district = $"5006{Interlocked.Increment(ref lastDistrict):D2}";

    private Contracts.Notifications.V1.Inbox.InboxClient Inbox => new(app.Channel);

    [Fact]
    public async Task ANotificationSettingsUpdateOverGrpcChangesOnlyTheFieldsItCarries()
    {
        var office = await app.PersonAsync(district, "district-admin");
        var expected = await Inbox.GetNotificationSettingsAsync(new GetNotificationSettingsRequest(), office.Token);
        Assert.Equal((5, 5, 3, true, true, true, true, true), Tuple(expected));

        // One flag off: every other rule stays on.
        expected.OverdueEnabled = false;
        Assert.Equal(expected, await Inbox.UpdateNotificationSettingsAsync(
            new NotificationSettings { OverdueEnabled = false },
            office.Token));

        // A number set to 0 is a value, not "left out".
        expected.ReminderDaysBefore = 0;
        Assert.Equal(expected, await Inbox.UpdateNotificationSettingsAsync(
            new NotificationSettings { ReminderDaysBefore = 0 },
            office.Token));

        // Nothing named, nothing changed; out of range, refused and nothing changed.
        Assert.Equal(expected, await Inbox.UpdateNotificationSettingsAsync(new NotificationSettings(), office.Token));
        var invalid = await Assert.ThrowsAsync<RpcException>(() =>
            Inbox.UpdateNotificationSettingsAsync(
                new NotificationSettings { ReviewEnabled = false, EscalateAfterDays = 31 },
                office.Token).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Contains("escalate_after_days", invalid.Status.Detail, StringComparison.Ordinal);
        var negative = await Assert.ThrowsAsync<RpcException>(() =>
            Inbox.UpdateNotificationSettingsAsync(
                new NotificationSettings { OverdueAfterDays = -1 },
                office.Token).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, negative.StatusCode);
        Assert.Equal(
            expected,
            await Inbox.GetNotificationSettingsAsync(new GetNotificationSettingsRequest(), office.Token));
    }

    [Fact]
    public async Task ANotificationSettingsPutOverRestChangesOnlyTheFieldsInItsBody()
    {
        var office = await app.PersonAsync(district, "district-admin");

        // The answer's JSON shape is as before: every field, always.
        var (status, before) = await SendAsync(HttpMethod.Get, "/api/v1/notification-settings", office, null);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(SettingsFields.Order(), before.EnumerateObject().Select(p => p.Name).Order());

        var (changed, after) = await SendAsync(
            HttpMethod.Put,
            "/api/v1/notification-settings",
            office,
            """{"escalationEnabled": false}""");
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal(Changed(before, "escalationEnabled", false), Fields(after));

        (changed, after) = await SendAsync(
            HttpMethod.Put,
            "/api/v1/notification-settings",
            office,
            """{"overdueAfterDays": 0, "reviewEnabled": false}""");
        Assert.Equal(HttpStatusCode.OK, changed);
        var expected = Changed(Changed(before, "escalationEnabled", false), "overdueAfterDays", 0);
        expected = Changed(expected, "reviewEnabled", false);
        Assert.Equal(expected, Fields(after));

        // An empty body changes nothing; an invalid one neither.
        (changed, after) = await SendAsync(HttpMethod.Put, "/api/v1/notification-settings", office, "{}");
        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.Equal(expected, Fields(after));
        (changed, _) = await SendAsync(
            HttpMethod.Put,
            "/api/v1/notification-settings",
            office,
            """{"reminderDaysBefore": 16, "assignmentEnabled": false}""");
        Assert.Equal(HttpStatusCode.BadRequest, changed);
        (_, after) = await SendAsync(HttpMethod.Get, "/api/v1/notification-settings", office, null);
        Assert.Equal(expected, Fields(after));
    }

    [Fact]
    public async Task APreferencesUpdateChangesOnlyWhatItNamesOverGrpcAndRest()
    {
        var reporter = await app.PersonAsync(district, "unit-reporter", Guid.NewGuid());
        var first = $"first-{district}@example.test";
        var second = $"second-{district}@example.test";
        Assert.Equal(
            new Preferences { Email = first, EmailEnabled = true },
            await Inbox.UpdatePreferencesAsync(new Preferences { Email = first, EmailEnabled = true }, reporter.Token));

        // The switch alone keeps the address; the address alone keeps the switch.
        Assert.Equal(
            new Preferences { Email = first, EmailEnabled = false },
            await Inbox.UpdatePreferencesAsync(new Preferences { EmailEnabled = false }, reporter.Token));
        Assert.Equal(
            new Preferences { Email = second, EmailEnabled = false },
            await Inbox.UpdatePreferencesAsync(new Preferences { Email = second }, reporter.Token));
        Assert.Equal(
            new Preferences { Email = second, EmailEnabled = false },
            await Inbox.UpdatePreferencesAsync(new Preferences(), reporter.Token));

        // REST: an empty body changes nothing, one field changes that field.
        var (status, body) = await SendAsync(HttpMethod.Put, "/api/v1/inbox/preferences", reporter, "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            (second, false),
            (body.GetProperty("email").GetString(), body.GetProperty("emailEnabled").GetBoolean()));
        (status, body) = await SendAsync(
            HttpMethod.Put,
            "/api/v1/inbox/preferences",
            reporter,
            """{"emailEnabled": true}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            (second, true),
            (body.GetProperty("email").GetString(), body.GetProperty("emailEnabled").GetBoolean()));

        // Removing the address while e-mail is on is refused, and changes nothing.
        var refused = await Assert.ThrowsAsync<RpcException>(() => Inbox.UpdatePreferencesAsync(
            new Preferences { Email = string.Empty },
            reporter.Token).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(
            new Preferences { Email = second, EmailEnabled = true },
            await Inbox.GetPreferencesAsync(new GetPreferencesRequest(), reporter.Token));
        Assert.Equal(new Preferences { Email = string.Empty, EmailEnabled = false },
            await Inbox.UpdatePreferencesAsync(
                new Preferences { Email = string.Empty, EmailEnabled = false },
                reporter.Token));
    }

    private static (int, int, int, bool, bool, bool, bool, bool) Tuple(NotificationSettings s) =>
        (
            s.ReminderDaysBefore,
            s.OverdueAfterDays,
            s.EscalateAfterDays,
            s.AssignmentEnabled,
            s.ReminderEnabled,
            s.OverdueEnabled,
            s.EscalationEnabled,
            s.ReviewEnabled);

    private static SortedDictionary<string, string> Fields(JsonElement body) =>
        new(body.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText()), StringComparer.Ordinal);

    private static SortedDictionary<string, string> Changed(JsonElement body, string field, object value) =>
        Changed(Fields(body), field, value);

    private static SortedDictionary<string, string> Changed(
        SortedDictionary<string, string> fields,
        string field,
        object value) =>
        new(fields, StringComparer.Ordinal) { [field] = JsonSerializer.Serialize(value) };

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(
        HttpMethod method,
        string path,
        Person person,
        string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Authorization", person.Authorization);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await app.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
