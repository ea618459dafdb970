namespace Platform.Tasks.Importing.Parsing;

/// <summary>Recognises a task table's header row (序号 / 事项 / 牵头单位 / 责任单位 / 完成时限 …, in any order).</summary>
internal static class TableColumns
{
    private static readonly (ColumnRole Role, string[] Keywords)[] Rules =
    [
        (ColumnRole.Leader, ["责任领导", "牵头领导", "分管领导", "联系领导", "责任人"]),
        (ColumnRole.Lead, ["牵头单位", "牵头部门", "主责单位", "牵头"]),
        (ColumnRole.Responsible, ["责任单位", "责任部门", "配合单位", "配合部门", "协同单位", "参与单位", "协办单位"]),
        (ColumnRole.Deadline, ["完成时限", "完成时间", "完成期限", "时间节点", "进度安排", "时限", "时间"]),
        (ColumnRole.Number, ["序号", "编号", "序"]),
        (ColumnRole.Context, ["上级部署", "上级任务", "部署任务", "省级部署", "市级部署", "国家部署", "省级任务", "市级任务", "上级要求"]),
        (ColumnRole.Text, ["主要指标", "预期指标", "指标任务", "目标任务"]),
        (ColumnRole.Category, ["类别", "领域", "分类", "类型", "板块", "指标", "专项"]),
        (ColumnRole.Text, ["事项", "任务", "内容", "措施", "举措", "目标", "重点工作", "工作要点"]),
    ];

    public static ColumnRole RoleOf(string normalizedCell)
    {
        var cell = new string(normalizedCell.Where(c => !char.IsWhiteSpace(c)).ToArray());

        // "2024年主要预期目标": the year names the list, not the column.
        if (cell.Length > 5 && cell[..4].All(char.IsAsciiDigit) && cell[4] == '年')
        {
            cell = cell[5..];
        }

        if (cell.Length is 0 or > 12)
        {
            return ColumnRole.Other;
        }

        foreach (var (role, keywords) in Rules)
        {
            if (keywords.Any(k => cell.Contains(k, StringComparison.Ordinal)))
            {
                return role;
            }
        }

        return ColumnRole.Other;
    }

    /// <summary>The roles of a header row, or null when the cells are not a task table's header.</summary>
    public static ColumnRole[]? MatchHeader(IReadOnlyList<string> normalizedCells)
    {
        if (normalizedCells.Count < 2 || normalizedCells.Any(c => c.Trim().Length > 12))
        {
            return null;
        }

        var roles = Refine(normalizedCells.Select(RoleOf).ToArray());
        var known = roles.Count(r => r != ColumnRole.Other);
        var hasText = roles.Contains(ColumnRole.Text);
        var hasUnits = roles.Contains(ColumnRole.Lead)
            || roles.Contains(ColumnRole.Responsible)
            || roles.Contains(ColumnRole.Number);
        return hasText && hasUnits && known >= 2 && known * 2 >= roles.Length ? roles : null;
    }

    /// <summary>
    /// Roles that depend on the other columns: of two task columns (工作任务 | 具体措施) the first is the context of the
    /// second; of two unit columns without a lead column (责任单位 | 配合单位) the first leads.
    /// </summary>
    public static ColumnRole[] Refine(ColumnRole[] roles)
    {
        var refined = (ColumnRole[])roles.Clone();
        var texts = IndexesOf(refined, ColumnRole.Text);
        if (texts.Count == 2 && !refined.Contains(ColumnRole.Context))
        {
            refined[texts[0]] = ColumnRole.Context;
        }

        var responsibles = IndexesOf(refined, ColumnRole.Responsible);
        if (responsibles.Count == 2 && !refined.Contains(ColumnRole.Lead))
        {
            refined[responsibles[0]] = ColumnRole.Lead;
        }

        return refined;
    }

    /// <summary>Whether a whole line is one header keyword (a header flattened to one cell per line).</summary>
    public static bool IsHeaderCell(string normalizedLine) =>
        normalizedLine.Trim().Length <= 12
        && Numbering.Match(normalizedLine) is null
        && RoleOf(normalizedLine) != ColumnRole.Other;

    private static List<int> IndexesOf(ColumnRole[] roles, ColumnRole role) =>
        Enumerable.Range(0, roles.Length).Where(i => roles[i] == role).ToList();
}
