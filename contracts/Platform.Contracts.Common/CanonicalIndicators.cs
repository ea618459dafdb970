namespace Platform.Contracts;

/// <summary>
/// The indicators districts are compared by, whatever their lists call their categories: NDRC's 18 first-level
/// indicators of 中国营商环境评价 and the World Bank's 10 B-READY topics.
/// </summary>
public static class CanonicalIndicators
{
    public static readonly IReadOnlyList<string> Ndrc =
    [
        "开办企业", "劳动力市场监管", "办理建筑许可", "政府采购", "招标投标", "获得电力", "获得用水用气", "登记财产", "获得信贷",
        "保护中小投资者", "知识产权创造保护和运用", "跨境贸易", "纳税", "执行合同", "办理破产", "市场监管", "政务服务", "包容普惠创新",
    ];

    public static readonly IReadOnlyList<string> BReady =
    [
        "Business Entry", "Business Location", "Utility Services", "Labor", "Financial Services", "International Trade",
        "Taxation", "Dispute Resolution", "Market Competition", "Business Insolvency",
    ];

    public static readonly IReadOnlyList<string> All = [.. Ndrc, .. BReady];

    private static readonly Dictionary<string, int> Positions = All.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);

    /// <summary>Sorts indicators as listed (NDRC first); unknown names last.</summary>
    public static int Order(string indicator) => Positions.GetValueOrDefault(indicator, int.MaxValue);
}
