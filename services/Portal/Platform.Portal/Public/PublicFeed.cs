using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Platform.Portal.Public;

/// <summary>
/// The Atom feed (RFC 4287) of a district's public page: the page published or withdrawn and each change of a task's
/// public status, newest first. Built with an XML writer, so no text of a task can break out of its element.
/// </summary>
public static class PublicFeed
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static string Build(PublicPageData page, Uri pageUrl)
    {
        var changes = page.Changes ?? [];
        var updated = changes.Count > 0 ? changes.Max(c => c.At) : page.PublishedAt ?? DateTimeOffset.UnixEpoch;
        var feed = new XElement(
            Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "zh-CN"),
            new XElement(Atom + "id", "urn:duban:public:" + page.DistrictCode),
            new XElement(Atom + "title", $"{page.DistrictName}重点任务推进情况"),
            new XElement(Atom + "updated", Stamp(updated)),
            new XElement(Atom + "author", new XElement(Atom + "name", page.DistrictName)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", pageUrl)),
            new XElement(
                Atom + "link",
                new XAttribute("rel", "self"),
                new XAttribute("href", new Uri(pageUrl, pageUrl.AbsolutePath.TrimEnd('/') + "/feed.atom"))),
            changes.Select(c => new XElement(
                Atom + "entry",
                new XElement(Atom + "id", $"urn:duban:public:{page.DistrictCode}:{c.Id}"),
                new XElement(Atom + "title", Title(c)),
                new XElement(Atom + "updated", Stamp(c.At)),
                new XElement(Atom + "link", new XAttribute("href", pageUrl)),
                new XElement(Atom + "content", new XAttribute("type", "text"), Content(c)))));
        var settings = new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(feed).Save(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Title(PublicChangeData change) => change.Kind switch
    {
        "published" => "公开页面发布",
        "unpublished" => "公开页面撤回",
        _ => $"任务{change.TaskNumber}：{change.Status}",
    };

    private static string Content(PublicChangeData change) => change.Kind switch
    {
        "published" => "区督办室发布了重点任务推进情况公开页面。",
        "unpublished" => "区督办室撤回了重点任务推进情况公开页面。",
        _ => $"任务{change.TaskNumber}“{change.TaskText}”的状态变为{change.Status}。",
    };

    private static string Stamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
