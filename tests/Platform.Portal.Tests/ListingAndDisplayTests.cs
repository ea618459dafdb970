using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Platform.Portal;
using Platform.Portal.Api;
using Platform.Portal.Charts;

namespace Platform.Portal.Tests;

public sealed class ListingAndDisplayTests
{
    private static readonly Dictionary<string, Func<int, IComparable?>> BySelf = new() { ["n"] = n => n };

    [Fact]
    public void APageIsCutAfterSortingAndAnOutOfRangePageIsTheLast()
    {
        var page = Listing.Page(Enumerable.Range(1, 45), BySelf, "n", desc: true, page: 9, pageSize: 20);
        Assert.Equal(3, page.Page);
        Assert.Equal(3, page.PageCount);
        Assert.Equal(45, page.Total);
        Assert.Equal([5, 4, 3, 2, 1], page.Items);
    }

    [Fact]
    public void AnUnknownSortKeyKeepsTheOrderAndThePageSizeIsBounded()
    {
        var page = Listing.Page(new[] { 3, 1, 2 }, BySelf, "drop table", desc: false, page: -4, pageSize: 100_000);
        Assert.Equal([3, 1, 2], page.Items);
        Assert.Equal(200, page.PageSize);
        Assert.Equal(5, Listing.Page(Enumerable.Range(1, 50), BySelf, null, false, 1, 0).PageSize);
    }

    [Fact]
    public void LinksKeepTheOtherFiltersAndFlipTheDirection()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/tasks";
        context.Request.QueryString = new QueryString("?q=%E5%BC%80%E5%8A%9E&sort=number&page=3");
        var next = Listing.With(context.Request, ("page", "4"));
        Assert.Contains("q=%E5%BC%80%E5%8A%9E", next, StringComparison.Ordinal);
        Assert.Contains("page=4", next, StringComparison.Ordinal);
        var sort = Listing.SortLink(context.Request, "number");
        Assert.Contains("desc=1", sort, StringComparison.Ordinal);
        Assert.DoesNotContain("page=", sort, StringComparison.Ordinal);
        Assert.Equal(" ▲", Listing.SortMark(context.Request, "number"));
    }

    [Fact]
    public void ChartLabelsAreTextNeverMarkup()
    {
        var svg = Svg.Bars("灯", [new LightBar("<script>alert(1)</script>", 1, 2, 3), new LightBar("区市场监管局", 6, 0, 0)])
            .ToString()!;
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", svg, StringComparison.Ordinal);
        // Both bars are six long: the widest bar spans the whole plot, and so does the other.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(svg, "class=\"value\">6<").Count);
    }

    [Fact]
    public void RefusalsReadAsWordsWithTheServicesReason()
    {
        Assert.Equal("无权操作：Only the district office (district-admin) may do this.",
            ApiErrors.Describe(new RpcException(
                new Status(StatusCode.PermissionDenied, "Only the district office (district-admin) may do this."))));
        Assert.Equal(
            "输入有误：period: use yyyy-MM",
            ApiErrors.FromProblem(400, """{"title":"Bad","detail":"period: use yyyy-MM"}""").Message);
        Assert.Equal("文件过大：x", ApiErrors.FromProblem(413, """{"detail":"x"}""").Message);
        Assert.StartsWith("服务出错（500）", ApiErrors.FromProblem(500, "<html>").Message, StringComparison.Ordinal);
    }
}
