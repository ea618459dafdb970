using Platform.MultiTenancy;

namespace Platform.Tasks.Domain;

public sealed class Category : ITenantEntity
{
    public Guid Id { get; set; }

    public required string TenantId { get; set; }

    public Guid TaskListId { get; set; }

    public required string Number { get; set; }

    public required string Title { get; set; }

    public int Order { get; set; }

    public List<string> Indicators { get; set; } = [];

    public List<string> LeadUnitNames { get; set; } = [];

    public List<string> ResponsibleUnitNames { get; set; } = [];
}
