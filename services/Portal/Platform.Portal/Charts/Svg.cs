using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Platform.Portal.Charts;

/// <summary>
/// Charts drawn on the server as inline SVG: no script and no asset from elsewhere; each carries a title for screen
/// readers, and the page shows the same numbers as a table beside it.
/// </summary>
public static class Svg
{
    private static readonly (string Css, Func<LightBar, int> Value, string Name)[] Segments =
    [
        ("green", b => b.Green, "绿"), ("yellow", b => b.Yellow, "黄"), ("red", b => b.Red, "红"),
    ];

    /// <summary>Horizontal stacked bars, one row per label (categories, units).</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<LightBar> bars)
    {
        const int labelWidth = 170, barWidth = 360, row = 24, width = labelWidth + barWidth + 50;
        var height = Math.Max(1, bars.Count) * row + 8;
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Total));
        var svg = Open(title, width, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 4 + (i * row);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth - 6}\" y=\"{y + 15}\" class=\"label\" ")
                .Append(CultureInfo.InvariantCulture, $"text-anchor=\"end\">{Encode(Short(bar.Label, 12))}</text>");
            double x = labelWidth;
            foreach (var (css, value, name) in Segments)
            {
                var w = value(bar) * (double)barWidth / max;
                if (w > 0)
                {
                    Segment(svg, css, (x, y + 2, w, row - 8), $"{Encode(bar.Label)} {name}灯 {value(bar)}");
                    x += w;
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 5:0.#}\" y=\"{y + 15}\" class=\"value\">")
                .Append(CultureInfo.InvariantCulture, $"{bar.Total}</text>");
        }

        return Close(svg);
    }

    /// <summary>Vertical stacked columns, one per month: the trend of the year so far.</summary>
    public static IHtmlContent Columns(string title, IReadOnlyList<LightBar> columns)
    {
        const int height = 200, top = 10, bottom = 28, column = 44, gap = 14, left = 30;
        var width = left + Math.Max(1, columns.Count) * (column + gap);
        var max = Math.Max(1, columns.Count == 0 ? 1 : columns.Max(c => c.Total));
        var plot = height - top - bottom;
        var svg = Open(title, width, height);
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<line class=\"axis\" x1=\"{left - 4}\" y1=\"{top + plot}\" x2=\"{width}\" y2=\"{top + plot}\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"value\" x=\"0\" y=\"{top + 8}\">{max}</text>");
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var x = left + (i * (column + gap));
            double y = top + plot;
            foreach (var (css, value, name) in Segments)
            {
                var h = value(c) * (double)plot / max;
                if (h > 0)
                {
                    y -= h;
                    Segment(svg, css, (x, y, column, h), $"{Encode(c.Label)} {name}灯 {value(c)}");
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"label\" x=\"{x + (column / 2)}\" ")
                .Append(CultureInfo.InvariantCulture, $"y=\"{height - 10}\" ")
                .Append(CultureInfo.InvariantCulture, $"text-anchor=\"middle\">{Encode(c.Label)}</text>");
        }

        return Close(svg);
    }

    private static StringBuilder Open(string title, int width, int height) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" role=\"img\" aria-label=\"{Encode(title)}\" ")
            .Append(CultureInfo.InvariantCulture, $"viewBox=\"0 0 {width} {height}\" ")
            .Append(CultureInfo.InvariantCulture, $"width=\"{width}\" height=\"{height}\" ")
            .Append("xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title>");

    /// <summary>One light's segment of a bar or a column, with its count in the tooltip (already encoded).</summary>
    private static void Segment(
        StringBuilder svg, string css, (double X, double Y, double Width, double Height) box, string title) =>
        svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"{css}\" x=\"{box.X:0.#}\" y=\"{box.Y:0.#}\" ")
            .Append(CultureInfo.InvariantCulture, $"width=\"{box.Width:0.#}\" height=\"{box.Height:0.#}\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{title}</title></rect>");

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
