namespace Platform.Cli.Online.Api;

/// <summary>The answers of the dashboards, the reports' workflow, the inbox and the webhooks.</summary>
internal static class ReportingApi
{
    public sealed record Lights(string Name = "", int Green = 0, int Yellow = 0, int Red = 0, int Overdue = 0);

    public sealed record Lagging(
        string Number = "", string Light = "", string LeadUnit = "", string Reasons = "", string Problems = "");

    public sealed record LateUnit(string Name = "", int Overdue = 0);

    public sealed record District(int Disagreements = 0)
    {
        public Lights Total { get; init; } = new();

        public IReadOnlyList<Lights> ByCategory { get; init; } = [];

        public IReadOnlyList<Lagging> Lagging { get; init; } = [];

        public IReadOnlyList<LateUnit> LateUnits { get; init; } = [];
    }

    /// <summary>A district (or a division below) side by side with the others.</summary>
    public sealed record Column(
        string TenantId = "", string Name = "", int Tasks = 0, int Green = 0, int Yellow = 0, int Red = 0,
        int Overdue = 0, int Reported = 0, int Owed = 0, int Due = 0, double OnTimeRate = 0);

    public sealed record IndicatorCell(int Tasks = 0, int Green = 0, int Yellow = 0, int Red = 0);

    public sealed record IndicatorRow(string Indicator = "")
    {
        public IReadOnlyList<IndicatorCell> Cells { get; init; } = [];
    }

    public sealed record RankedCell(int Rank = 0, string TenantId = "", double Value = 0);

    public sealed record Comparable(string Indicator = "", string Unit = "", bool LowerIsBetter = false)
    {
        public IReadOnlyList<RankedCell> Cells { get; init; } = [];
    }

    public sealed record Municipal
    {
        public IReadOnlyList<Column> Districts { get; init; } = [];

        public IReadOnlyList<IndicatorRow> Indicators { get; init; } = [];

        public IReadOnlyList<Comparable> Comparable { get; init; } = [];
    }

    public sealed record Report(string TaskNumber = "", string Status = "");

    public sealed record Notification(
        string? ReadAt = null, string CreatedAt = "", string Title = "", string Body = "");

    public sealed record Inbox(long Unread = 0)
    {
        public IReadOnlyList<Notification> Notifications { get; init; } = [];
    }

    public sealed record Webhook(string Id = "", string Url = "", bool Active = false, long ConsecutiveFailures = 0)
    {
        public IReadOnlyList<string> Kinds { get; init; } = [];
    }

    public sealed record WebhookAdded(string Secret = "")
    {
        public Webhook? Webhook { get; init; }
    }

    public sealed record WebhookList
    {
        public IReadOnlyList<Webhook> Webhooks { get; init; } = [];
    }

    public sealed record Delivery(
        long Id = 0, string Channel = "", string Status = "", int Attempts = 0, string Subject = "",
        string LastError = "");

    public sealed record DeliveryList
    {
        public IReadOnlyList<Delivery> Deliveries { get; init; } = [];
    }
}
