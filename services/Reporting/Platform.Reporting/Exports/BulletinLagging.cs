namespace Platform.Reporting.Exports;

/// <summary>A task lit red or yellow, listed in the lagging-task table.</summary>
/// <param name="Number">Task number shown in the 序号 column.</param>
/// <param name="Category">Category name.</param>
/// <param name="LeadUnit">Lead unit (牵头单位).</param>
/// <param name="Light"><c>红</c> or <c>黄</c>.</param>
/// <param name="Reasons">Reasons for the lag.</param>
/// <param name="Problems">Outstanding problems.</param>
public sealed record BulletinLagging(
    string Number,
    string Category,
    string LeadUnit,
    string Light,
    string Reasons,
    string Problems);
