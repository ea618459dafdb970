using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Events;

namespace Platform.Portal.Tests;

/// <summary>
/// The report and request events share their common fields through base records; on the wire (the outbox's JSON, as
/// the other services read it) each keeps exactly the fields it had, and a body written before reads back the same.
/// </summary>
public sealed class EventWireShapeTests
{
    // The outbox's settings (Platform.Messaging's MessageJson).
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    private static readonly Guid ATask = Guid.Parse("0190a000-0000-7000-8000-000000000001");
    private static readonly Guid AUnit = Guid.Parse("0190a000-0000-7000-8000-000000000002");
    private static readonly Guid ARequest = Guid.Parse("0190a000-0000-7000-8000-000000000003");
    private static readonly DateTimeOffset At = new(2023, 8, 8, 10, 0, 0, TimeSpan.FromHours(8));

    // Each event as the code builds it, and the JSON the same event was written as before the base records.
    private static readonly Dictionary<string, (object Message, string Before)> Cases = new()
    {
        ["ReportSubmitted"] =
        (
            new ReportSubmitted
            {
                TenantId = "500103", TaskId = ATask, Period = "2023-07", LeadUnitId = AUnit, SubmittedBy = "yz.scj",
                ReportVersion = 3, OccurredAt = At,
            },
            """
            {"tenantId":"500103","taskId":"0190a000-0000-7000-8000-000000000001","period":"2023-07",
             "leadUnitId":"0190a000-0000-7000-8000-000000000002","submittedBy":"yz.scj","reportVersion":3,
             "occurredAt":"2023-08-08T10:00:00+08:00"}
            """
        ),
        ["ReportReturned"] =
        (
            new ReportReturned
            {
                TenantId = "500103", TaskId = ATask, Period = "2023-07", LeadUnitId = AUnit, Comment = "请补充",
                ReturnedBy = "yz.admin", ReportVersion = 4, OccurredAt = At,
            },
            """
            {"tenantId":"500103","taskId":"0190a000-0000-7000-8000-000000000001","period":"2023-07",
             "leadUnitId":"0190a000-0000-7000-8000-000000000002","comment":"请补充","returnedBy":"yz.admin",
             "reportVersion":4,"occurredAt":"2023-08-08T10:00:00+08:00"}
            """
        ),
        ["ReportAccepted"] =
        (
            new ReportAccepted
            {
                TenantId = "500103", TaskId = ATask, Period = "2023-07", LeadUnitId = AUnit, AcceptedBy = "yz.admin",
                ReportVersion = 5, OccurredAt = At,
            },
            """
            {"tenantId":"500103","taskId":"0190a000-0000-7000-8000-000000000001","period":"2023-07",
             "leadUnitId":"0190a000-0000-7000-8000-000000000002","acceptedBy":"yz.admin","reportVersion":5,
             "occurredAt":"2023-08-08T10:00:00+08:00"}
            """
        ),
        ["TaskLightChanged"] =
        (
            new TaskLightChanged
            {
                TenantId = "500103", TaskId = ATask, Period = "2023-07", LeadUnitId = AUnit, Previous = "Green",
                Light = "Red", Reasons = ["逾期未报"], OccurredAt = At,
            },
            """
            {"tenantId":"500103","taskId":"0190a000-0000-7000-8000-000000000001","period":"2023-07",
             "leadUnitId":"0190a000-0000-7000-8000-000000000002","previous":"Green","light":"Red",
             "reasons":["逾期未报"],"occurredAt":"2023-08-08T10:00:00+08:00"}
            """
        ),
        ["TaskRequestSubmitted"] =
        (
            new TaskRequestSubmitted
            {
                TenantId = "500103", RequestId = ARequest, TaskId = ATask, LeadUnitId = AUnit, Kind = "Extension",
                RequestedDeadline = new DateOnly(2023, 12, 31), RequestedBy = "yz.scj", OccurredAt = At,
            },
            """
            {"tenantId":"500103","requestId":"0190a000-0000-7000-8000-000000000003",
             "taskId":"0190a000-0000-7000-8000-000000000001","leadUnitId":"0190a000-0000-7000-8000-000000000002",
             "kind":"Extension","requestedDeadline":"2023-12-31","requestedBy":"yz.scj",
             "occurredAt":"2023-08-08T10:00:00+08:00"}
            """
        ),
        ["TaskRequestDecided"] =
        (
            new TaskRequestDecided
            {
                TenantId = "500103", RequestId = ARequest, TaskId = ATask, LeadUnitId = AUnit, Kind = "Closure",
                Approved = false, GrantedDeadline = null, Comment = "尚未完成", DecidedBy = "yz.admin", OccurredAt = At,
            },
            """
            {"tenantId":"500103","requestId":"0190a000-0000-7000-8000-000000000003",
             "taskId":"0190a000-0000-7000-8000-000000000001","leadUnitId":"0190a000-0000-7000-8000-000000000002",
             "kind":"Closure","approved":false,"grantedDeadline":null,"comment":"尚未完成","decidedBy":"yz.admin",
             "occurredAt":"2023-08-08T10:00:00+08:00"}
            """
        ),
    };

    public static TheoryData<string> Events() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Events))]
    public void AnEventIsWrittenWithTheFieldsItAlwaysHad(string name)
    {
        var (message, before) = Cases[name];

        Assert.Equal(Fields(JsonNode.Parse(before)!), Fields(Write(message)));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void ABodyWrittenBeforeReadsBackAsTheSameEvent(string name)
    {
        var (message, before) = Cases[name];

        var read = JsonSerializer.Deserialize(before, message.GetType(), Wire)!;

        Assert.Equal(message.GetType(), read.GetType());
        Assert.Equal(Fields(Write(message)), Fields(Write(read)));
    }

    private static JsonNode Write(object message) => JsonSerializer.SerializeToNode(message, message.GetType(), Wire)!;

    // Name → value, by name: the order of the fields is no part of the shape.
    private static SortedDictionary<string, string> Fields(JsonNode json) =>
        new(json.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToJsonString() ?? "null"), StringComparer.Ordinal);
}
