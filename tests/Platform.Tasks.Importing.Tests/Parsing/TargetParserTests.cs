using Platform.Tasks.Importing.Parsing;

namespace Platform.Tasks.Importing.Tests.Parsing;

public sealed class TargetParserTests
{
    private static IReadOnlyList<ParsedTarget> Parse(string text) =>
        TargetParser.Parse(text, TextNormalizer.Normalize(text), 2024);

    [Theory]
    [InlineData("全流程办理时限由50个工作日压减至45个工作日。", TargetDirection.Decrease, "45", "个工作日", "50")]
    [InlineData("办理时限由10天缩短到5天。", TargetDirection.Decrease, "5", "天", "10")]
    [InlineData("覆盖率由80%提高至95%。", TargetDirection.Increase, "95", "%", "80")]
    [InlineData("办理时限压减至0.5天。", TargetDirection.Decrease, "0.5", "天", "")]
    [InlineData("审批时间控制在20个工作日以内。", TargetDirection.AtMost, "20", "个工作日", "")]
    [InlineData("用水报装不超过8个工作日。", TargetDirection.AtMost, "8", "个工作日", "")]
    [InlineData("网上可办率达到98%以上。", TargetDirection.AtLeast, "98", "%", "")]
    [InlineData("培育孵化器５家以上。", TargetDirection.AtLeast, "5", "家", "")]
    [InlineData("抽查比例不低于5%。", TargetDirection.AtLeast, "5", "%", "")]
    [InlineData("告知承诺事项增加 50%。", TargetDirection.Increase, "50", "%", "")]
    [InlineData("综合成本降低10%。", TargetDirection.Decrease, "10", "%", "")]
    [InlineData("累计达2亿元。", TargetDirection.Reach, "2", "亿元", "")]
    [InlineData("完成改造100户。", TargetDirection.Reach, "100", "户", "")]
    [InlineData("建成标准厂房12万平方米。", TargetDirection.Reach, "12", "万平方米", "")]
    [InlineData("研发投入强度保持在2.5%。", TargetDirection.Keep, "2.5", "%", "")]
    public void TargetPhraseIsTyped(string text, TargetDirection direction, string value, string unit, string baseline)
    {
        var target = Assert.Single(Parse(text));

        Assert.Equal(direction, target.Direction);
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), target.Value);
        Assert.Equal(unit, target.Unit);
        Assert.Equal(
            baseline.Length == 0 ? null : decimal.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture),
            target.Baseline);
    }

    [Theory]
    [InlineData("深入贯彻党的二十大精神，落实“十四五”规划。")]
    [InlineData("推广“510”模式，开通12345热线。")]
    [InlineData("落实渝府办发〔2023〕15号文件。")]
    [InlineData("推进G75兰海高速沿线整治。")]
    [InlineData("2023年6月28日起施行。")]
    [InlineData("建设“15分钟便民服务圈”。")]
    [InlineData("第3个季度前完成。")]
    [InlineData("全区共有企业3000家。")]
    [InlineData("推广5G应用场景。")]
    public void NumberWithoutTargetMeaningIsNoTarget(string text) => Assert.Empty(Parse(text));

    [Fact]
    public void RangeKeepsBothBounds()
    {
        var target = Assert.Single(Parse("争取落地1-2家实体店。"));

        Assert.Equal(
            (1m, 2m, "家", TargetDirection.Reach),
            (target.ValueMin, target.Value, target.Unit, target.Direction));
    }

    [Theory]
    [InlineData("水质总体达到地表水II类标准。", "II类", TargetDirection.Reach)]
    [InlineData("断面水质稳定达到Ⅲ类。", "Ⅲ类", TargetDirection.Reach)]
    [InlineData("水质优于IV类。", "IV类", TargetDirection.AtLeast)]
    [InlineData("水质达到三类标准。", "三类", TargetDirection.Reach)]
    public void GradeIsATypedTargetWithoutValue(string text, string grade, TargetDirection direction)
    {
        var target = Assert.Single(Parse(text));

        Assert.Equal(
            (grade, grade, direction, (decimal?)null),
            (target.Grade, target.Unit, target.Direction, target.Value));
    }

    [Theory]
    [InlineData("推进一类事项办理。")]
    [InlineData("优化Ⅰ类医疗器械备案。")]
    public void CategoryWordsThatAreNotGradesAreNoTargets(string text) => Assert.Empty(Parse(text));

    [Fact]
    public void TargetTakesTheDeadlineOfItsSentence()
    {
        var targets = Parse("2024年9月底前，新增外贸企业20家。全年培育孵化器3家。");

        Assert.Equal([new DateOnly(2024, 9, 30), new DateOnly(2024, 12, 31)], targets.Select(t => t.Deadline));
        Assert.Equal("新增外贸企业", targets[0].Metric);
    }
}
