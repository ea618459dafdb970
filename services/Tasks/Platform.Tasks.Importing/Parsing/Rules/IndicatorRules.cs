using Platform.Contracts;

namespace Platform.Tasks.Importing.Parsing;

/// <summary>
/// Suggests canonical indicators — NDRC's 18 first-level indicators of 中国营商环境评价 and the World Bank's 10 B-READY
/// topics — by keyword. A category is matched on its title with the broad keywords; a task keeps its category's
/// indicators and adds those whose specific keywords its own text names. Suggestions only: the office edits them.
/// </summary>
internal static class IndicatorRules
{
    public static IReadOnlyList<string> Ndrc => CanonicalIndicators.Ndrc;

    public static IReadOnlyList<string> BReady => CanonicalIndicators.BReady;

    /// <summary>One rule: any of the keywords → the indicators.</summary>
    /// <param name="CategoryKeywords">Matched on a category title.</param>
    /// <param name="TaskKeywords">
    /// Matched on a task's text (specific phrases only: a task text mentions many things).
    /// </param>
    /// <param name="Indicators">NDRC names and B-READY topics suggested.</param>
    public sealed record Rule(string[] CategoryKeywords, string[] TaskKeywords, string[] Indicators);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new(
            ["开办企业", "企业开办", "市场准入", "市场主体准入", "商事登记", "注册登记"],
            ["开办企业", "企业开办", "营业执照", "注册登记", "准入负面清单", "企业注销", "个体工商户", "开店", "市场准入"],
            ["开办企业", "Business Entry"]),
        new(
            ["劳动用工", "劳动力市场", "就业", "人力资源", "劳动"],
            [
                "劳动争议", "劳动监察", "劳动者权益", "就业服务", "失业登记", "工伤保险", "新增就业", "技能培训", "职业技能", "用工", "招聘", "稳就业", "就业见习",
                "创业担保",
            ],
            ["劳动力市场监管", "Labor"]),
        new(
            ["建筑许可", "施工许可", "工程建设项目审批", "工程建设"],
            ["施工许可", "建筑许可", "工程规划许可", "工程建设项目审批", "施工图", "联合验收", "竣工验收", "多测合一", "区域评估", "拿地即开工", "标准地", "用地清单"],
            ["办理建筑许可", "Business Location"]),
        new(
            ["政府采购"],
            ["政府采购"],
            ["政府采购", "Market Competition"]),
        new(
            ["招标投标", "招投标"],
            ["招标投标", "招投标"],
            ["招标投标", "Market Competition"]),
        new(
            ["获得电力", "用电", "供电", "电力"],
            ["用电报装", "获得电力", "供电", "接电", "用电成本", "电网"],
            ["获得电力", "Utility Services"]),
        new(
            ["获得用水用气", "用水", "用气", "供水", "供气", "燃气"],
            ["用水报装", "用气报装", "供水", "燃气"],
            ["获得用水用气", "Utility Services"]),
        new(
            ["市政公用", "公用基础设施", "公用设施报装", "水电气"],
            ["水电气", "市政公用"],
            ["获得电力", "获得用水用气", "Utility Services"]),
        new(
            ["登记财产", "不动产登记", "财产登记"],
            ["不动产登记", "不动产权", "交地即交证", "低效工业用地", "闲置土地"],
            ["登记财产", "Business Location"]),
        new(
            ["金融服务", "获得信贷", "信贷", "融资"],
            ["信用贷款", "融资", "征信", "信贷", "贷款", "担保", "首贷", "续贷"],
            ["获得信贷", "Financial Services"]),
        new(
            ["中小投资者"],
            ["中小投资者"],
            ["保护中小投资者"]),
        new(
            ["知识产权"],
            ["知识产权", "专利", "商标"],
            ["知识产权创造保护和运用", "Market Competition"]),
        new(
            ["国际贸易", "跨境贸易", "外贸", "口岸", "通关"],
            ["跨境贸易", "通关", "外贸企业", "跨境电商"],
            ["跨境贸易", "International Trade"]),
        new(
            ["纳税", "税收", "税费", "税务"],
            ["纳税", "印花税", "电子发票", "涉税", "税费", "减税", "退税", "发票"],
            ["纳税", "Taxation"]),
        new(
            ["商业纠纷", "执行合同", "司法", "纠纷"],
            ["审判", "商业纠纷", "执行合同", "诉讼服务"],
            ["执行合同", "Dispute Resolution"]),
        new(
            ["破产", "企业退出", "市场退出"],
            ["破产"],
            ["办理破产", "Business Insolvency"]),
        new(
            ["市场监管", "公平竞争", "竞争", "信用监管"],
            ["双随机", "公平竞争审查", "反垄断", "不正当竞争", "信用监管", "信用修复", "包容审慎", "柔性执法", "涉企检查", "综合查一次", "统一市场", "行政执法", "首违不罚"],
            ["市场监管", "Market Competition"]),
        new(
            ["政务服务", "政务环境"],
            [
                "一网通办", "政务服务", "渝快办", "一件事", "帮办", "代办", "告知承诺", "行政许可事项", "一窗", "12345", "政企沟通", "亲清", "免申即享",
                "惠企政策", "中介服务", "证明事项", "电子证照", "跨省通办", "企业诉求", "网上可办", "全程网办",
            ],
            ["政务服务"]),
        new(
            ["包容普惠", "普惠", "科技创新", "创新环境", "创新"],
            [
                "高新技术企业", "孵化器", "科技型企业", "公共文化", "养老", "托育", "幼儿园", "学位", "医联体", "文旅", "旅游", "人才", "科技成果", "专精特新",
                "研发", "创新平台",
            ],
            ["包容普惠创新"]),
    ];

    public static IReadOnlyList<string> ForCategory(string normalizedTitle) =>
        Order(Rules.Where(r => r.CategoryKeywords.Any(k => normalizedTitle.Contains(k, StringComparison.Ordinal)))
            .SelectMany(r => r.Indicators));

    public static IReadOnlyList<string> ForTask(string normalizedText, IReadOnlyList<string> categoryIndicators) =>
        Order(categoryIndicators.Concat(
            Rules.Where(r => r.TaskKeywords.Any(k => normalizedText.Contains(k, StringComparison.Ordinal)))
                .SelectMany(r => r.Indicators)));

    /// <summary>NDRC names first, then B-READY topics, each in its canonical order, without duplicates.</summary>
    private static IReadOnlyList<string> Order(IEnumerable<string> indicators)
    {
        var set = indicators.ToHashSet();
        return [.. Ndrc.Where(set.Contains), .. BReady.Where(set.Contains)];
    }
}
