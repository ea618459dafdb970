using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.Events;

namespace Platform.Portal.Tests;

/// <summary>
/// The report and request events share their common fields through base records; on the wire (the outbox's JSON, as
/// the other services read it) each keeps exactly the fields it had: a body written before reads and writes back
/// field for field (a field renamed or added fails the comparison, a required one missing fails the read).
/// </summary>
public sealed class EventWireShapeTests
{
    // The outbox's settings (Platform.Messaging's MessageJson).
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    // The fields each of these events carried before the base records.
    private const string Common = """
        "tenantId":"500103","taskId":"0190a000-0000-7000-8000-000000000001",
        "leadUnitId":"0190a000-0000-7000-8000-000000000002","occurredAt":"2023-08-08T10:00:00+08:00"
        """;

    private const string Request = """ "requestId":"0190a000-0000-7000-8000-000000000003" """;

    [Theory]
    [InlineData(typeof(ReportSubmitted), """ "period":"2023-07","submittedBy":"yz.scj","reportVersion":3 """)]
    [InlineData(typeof(ReportReturned), """ "period":"2023-07","comment":"补","returnedBy":"yz.a","reportVersion":4 """)]
    [InlineData(typeof(ReportAccepted), """ "period":"2023-07","acceptedBy":"yz.admin","reportVersion":5 """)]
    [InlineData(typeof(TaskLightChanged), """ "period":"2023-07","previous":"Green","light":"Red","reasons":["逾期"] """)]
    [InlineData(
        typeof(TaskRequestSubmitted),
        Request + """ ,"kind":"Extension","requestedDeadline":"2023-12-31","requestedBy":"yz.scj" """)]
    [InlineData(
        typeof(TaskRequestDecided),
        Request + """ ,"kind":"Closure","approved":false,"grantedDeadline":null,"comment":"否","decidedBy":"yz.a" """)]
    public void ABodyWrittenBeforeReadsAndWritesBackFieldForField(Type type, string fields)
    {
        var before = JsonNode.Parse($"{{{Common},{fields}}}")!;

        var read = before.Deserialize(type, Wire)!;

        Assert.IsType(type, read);
        Assert.Equal(Fields(before), Fields(JsonSerializer.SerializeToNode(read, type, Wire)!));
    }

    [Fact]
    public void TheCommonFieldsLandInTheEvent()
    {
        var returned = JsonNode.Parse($$"""{{{Common}},"period":"2023-07","comment":"c","returnedBy":"yz.admin"}""")!
            .Deserialize<ReportReturned>(Wire)!;

        Assert.Equal(
            ("500103", Guid.Parse("0190a000-0000-7000-8000-000000000001"), "2023-07", 0),
            (returned.TenantId, returned.TaskId, returned.Period, returned.ReportVersion));
        Assert.Equal(new DateTimeOffset(2023, 8, 8, 10, 0, 0, TimeSpan.FromHours(8)), returned.OccurredAt);
    }

    // Name → value, by name: the order of the fields is no part of the shape.
    private static SortedDictionary<string, string> Fields(JsonNode json) =>
        new(json.AsObject().ToDictionary(p => p.Key, p => p.Value?.ToJsonString() ?? "null"), StringComparer.Ordinal);
}
