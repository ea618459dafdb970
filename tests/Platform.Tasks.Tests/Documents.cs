using System.Text;

namespace Platform.Tasks.Tests;

/// <summary>Small official documents in the layout of 渝中's list: units once per category heading.</summary>
internal static class Documents
{
    public static byte[] Original(string office = "区政务服务办") => Encoding.UTF8.GetBytes($$"""
        测试府办〔2023〕7号
        重庆市渝中区人民政府办公室
        关于印发《测试区2023年优化营商环境重点任务清单》的通知
        各有关单位：
        现将清单印发给你们，请认真抓好落实。各牵头单位每月底收集汇总工作进展情况、存在的问题、工作成效，并报区营商办。（联系人：张三，联系电话：63765360）
        2023年6月28日
        一、主要任务
        （一）市场准入。（牵头单位：区市场监管局，责任单位：区经信委、区财政局）
        1.升级开办企业服务，全流程办理时限压减至0.5天。
        2.深化住所申报承诺制改革，推广集群注册模式。
        （二）政务服务。（牵头单位：{{office}}，责任单位：区财政局）
        3.推动50项以上高频事项网上办理。
        """);

    /// <summary>A list whose second category is led by a unit the directory does not know yet.</summary>
    public static byte[] WithUnknownLead(string lead) => Encoding.UTF8.GetBytes($$"""
        测试府办〔2027〕1号
        关于印发《测试区2027年重点任务清单》的通知
        2027年3月1日
        （一）市场准入。（牵头单位：区市场监管局）
        1.升级开办企业服务。
        （二）新设事项。（牵头单位：{{lead}}）
        2.建立新设事项工作机制。
        """);

    /// <summary>The revision: task 2 reworded, task 4 added.</summary>
    public static byte[] Revised(string office = "区政务服务办") => Encoding.UTF8.GetBytes($$"""
        测试府办〔2023〕9号
        重庆市渝中区人民政府办公室
        关于印发《测试区2023年优化营商环境重点任务清单（修订）》的通知
        各有关单位：
        现将修订后的清单印发给你们。各牵头单位每月底收集汇总工作进展情况、存在的问题、工作成效，并报区营商办。
        2023年8月1日
        一、主要任务
        （一）市场准入。（牵头单位：区市场监管局，责任单位：区经信委、区财政局）
        1.升级开办企业服务，全流程办理时限压减至0.5天。
        2.深化住所申报承诺制改革，全面推广集群注册模式。
        （二）政务服务。（牵头单位：{{office}}，责任单位：区财政局）
        3.推动50项以上高频事项网上办理。
        4.推行政务服务“好差评”制度。
        """);
}
