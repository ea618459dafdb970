using Platform.Tasks.Domain;

namespace Platform.Tasks.Tests.Domain;

/// <summary>The text similarity behind carry-over suggestions, without a database.</summary>
public sealed class TextSimilarityTests
{
    [Fact]
    public void TheSameTaskReadsAlikeWhateverItsPunctuationNumberingAndWidth()
    {
        Assert.Equal(1, TextSimilarity.Score("升级开办企业服务，全流程办理时限压减至0.5天。", "升级开办企业服务 全流程办理时限压减至０.５天"), 6);
        Assert.Equal("abc05", TextSimilarity.Normalise("ＡＢｃ，0.5。"));
    }

    [Fact]
    public void UnrelatedOrEmptyTextsScoreNothing()
    {
        Assert.Equal(0, TextSimilarity.Score("升级开办企业服务", "建立新设事项工作机制"), 6);
        Assert.InRange(TextSimilarity.Score("升级开办企业服务", "推行政务服务好差评制度"), 0.01, TextSimilarity.Threshold);
        Assert.Equal(0, TextSimilarity.Score("", "升级开办企业服务"));
        Assert.Equal(0, TextSimilarity.Score("。，、", "。，、"));
    }

    [Fact]
    public void TheDraftsTasksAreRankedByHowAlikeTheyReadAboveTheThresholdTopThree()
    {
        const string old = "深化住所申报承诺制改革，推广集群注册模式。";
        string[] draft =
        [
            "推动50项以上高频事项网上办理。",
            "深化住所申报承诺制改革，全面推广集群注册模式。",
            "推广集群注册模式。",
            "深化住所申报承诺制改革。",
            "住所申报",
            "建立新设事项工作机制。",
        ];

        var ranked = TextSimilarity.Rank(old, draft, t => t);

        // The reworded task first, then the one with its first half, then its second half; 住所申报 is fourth.
        Assert.Equal([draft[1], draft[3], draft[2]], ranked.Select(r => r.Item));
        Assert.True(ranked[0].Score > ranked[1].Score && ranked[1].Score > ranked[2].Score);
        Assert.All(ranked, r => Assert.True(r.Score >= TextSimilarity.Threshold));
        Assert.DoesNotContain(ranked, r => r.Item == draft[0] || r.Item == draft[5]);
    }

    [Fact]
    public void NothingAboveTheThresholdSuggestsNothing() =>
        Assert.Empty(TextSimilarity.Rank("升级开办企业服务", ["推行政务服务好差评制度", "建立新设事项工作机制"], t => t));
}
