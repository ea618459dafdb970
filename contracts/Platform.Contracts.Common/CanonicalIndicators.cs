namespace Platform.Contracts;

/// <summary>
/// The indicators districts are compared by, whatever their lists call their categories: NDRC's 18 first-level
/// indicators of 中国营商环境评价 and the World Bank's 10 B-READY topics. A B-READY topic is stored and sent under its
/// English name (the key the lists, roll-ups and API already hold); Chinese screens show its Chinese name.
/// </summary>
public static class CanonicalIndicators
{
    public static readonly IReadOnlyList<string> Ndrc =
    [
        "开办企业", "劳动力市场监管", "办理建筑许可", "政府采购", "招标投标", "获得电力", "获得用水用气", "登记财产", "获得信贷",
        "保护中小投资者", "知识产权创造保护和运用", "跨境贸易", "纳税", "执行合同", "办理破产", "市场监管", "政务服务",
        "包容普惠创新",
    ];

    public static readonly IReadOnlyList<string> BReady =
    [
        "Business Entry", "Business Location", "Utility Services", "Labor", "Financial Services", "International Trade",
        "Taxation", "Dispute Resolution", "Market Competition", "Business Insolvency",
    ];

    /// <summary>
    /// The B-READY topics' names in the Chinese edition of B-READY, in the order of <see cref="BReady"/>.
    /// </summary>
    public static readonly IReadOnlyList<string> BReadyChinese =
    [
        "市场准入", "获取经营场所", "市政公用服务", "劳动就业", "金融服务", "国际贸易", "纳税", "解决商业纠纷", "促进市场竞争", "办理破产",
    ];

    public static readonly IReadOnlyList<string> All = [.. Ndrc, .. BReady];

    private static readonly Dictionary<string, string> ChineseNames =
        BReady.Zip(BReadyChinese).ToDictionary(x => x.First, x => x.Second);

    private static readonly Dictionary<string, int> Positions =
        All.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);

    /// <summary>Sorts indicators as listed (NDRC first); unknown names last.</summary>
    public static int Order(string indicator) => Positions.GetValueOrDefault(indicator, int.MaxValue);

    /// <summary>
    /// The name a Chinese screen shows: a B-READY topic's Chinese name, else the indicator as stored (NDRC's names
    /// are Chinese already). Two topics share their Chinese name with an NDRC indicator (纳税, 办理破产), so a screen
    /// showing both keeps them apart by <see cref="FamilyOf"/>.
    /// </summary>
    public static string ChineseName(string indicator) => ChineseNames.GetValueOrDefault(indicator, indicator);

    /// <summary>A B-READY topic's English name (for a tooltip), or null for any other indicator.</summary>
    public static string? EnglishName(string indicator) => ChineseNames.ContainsKey(indicator) ? indicator : null;

    public static IndicatorFamily FamilyOf(string indicator) =>
        ChineseNames.ContainsKey(indicator) ? IndicatorFamily.BReady
        : Positions.ContainsKey(indicator) ? IndicatorFamily.Ndrc
        : IndicatorFamily.Other;
}
