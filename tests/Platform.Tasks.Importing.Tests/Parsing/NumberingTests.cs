using Platform.Tasks.Importing.Parsing;

namespace Platform.Tasks.Importing.Tests.Parsing;

public sealed class NumberingTests
{
    [Theory]
    [InlineData("一、工作目标", "ChineseComma", "一", 1)]
    [InlineData("十二、其他", "ChineseComma", "十二", 12)]
    [InlineData("（十七）包容普惠。", "ChineseParen", "十七", 17)]
    [InlineData("(三)纳税", "ChineseParen", "三", 3)]
    [InlineData("1.全面落实", "Arabic", "1", 1)]
    [InlineData("23、推行", "Arabic", "23", 23)]
    [InlineData("９０．持续优化", "Arabic", "90", 90)]
    [InlineData("3.2024年培育", "Arabic", "3", 3)]
    [InlineData("1.6月底前完成", "Arabic", "1", 1)]
    [InlineData("（1）网上立案", "ArabicParen", "1", 1)]
    [InlineData("⑵电子送达", "ArabicParen", "2", 2)]
    [InlineData("③建立机制", "Circled", "3", 3)]
    public void NumberingIsRecognisedWithoutItsPunctuation(string line, string style, string printed, int value)
    {
        var m = Numbering.Match(TextNormalizer.Normalize(line));

        Assert.NotNull(m);
        Assert.Equal((style, printed, value), (m.Style.ToString(), m.Printed, m.Value));
    }

    [Theory]
    [InlineData("1.5天内办结")]
    [InlineData("2023年6月底前")]
    [InlineData("二十大精神")]
    [InlineData("十四五期间")]
    [InlineData("一是加强领导")]
    public void NumbersThatStartALineAreNotAlwaysNumbering(string line) =>
        Assert.Null(Numbering.Match(TextNormalizer.Normalize(line)));
}
