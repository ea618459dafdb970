using System.Buffers.Binary;
using System.Text;

namespace Platform.Tasks.Importing.Tests.Support;

/// <summary>
/// PdfPig's font subsetter reads one horizontal metric per glyph, but CJK fonts such as Droid Sans Fallback store a
/// shared advance width for their many trailing glyphs (hhea.numberOfHMetrics &lt; maxp.numGlyphs). This rewrites the
/// font with one explicit metric per glyph — the same widths — so PdfPig can embed it.
/// </summary>
public static class TrueTypeHorizontalMetrics
{
    public static byte[] Expand(byte[] font)
    {
        var numTables = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new List<(string Tag, int Offset, int Length)>();
        for (var i = 0; i < numTables; i++)
        {
            var record = font.AsSpan(12 + (16 * i), 16);
            tables.Add((
                Encoding.ASCII.GetString(record[..4]),
                (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]),
                (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..])));
        }

        byte[] Table(string tag)
        {
            var t = tables.First(x => x.Tag == tag);
            return font.AsSpan(t.Offset, t.Length).ToArray();
        }

        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(Table("maxp").AsSpan(4));
        var hhea = Table("hhea");
        var metricCount = BinaryPrimitives.ReadUInt16BigEndian(hhea.AsSpan(34));
        if (metricCount >= glyphCount)
        {
            return font;
        }

        var hmtx = Table("hmtx");
        var expanded = new byte[glyphCount * 4];
        hmtx.AsSpan(0, metricCount * 4).CopyTo(expanded);
        var lastAdvance = BinaryPrimitives.ReadUInt16BigEndian(hmtx.AsSpan((metricCount - 1) * 4));
        for (var glyph = metricCount; glyph < glyphCount; glyph++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(expanded.AsSpan(glyph * 4), lastAdvance);
            var lsb = (metricCount * 4) + ((glyph - metricCount) * 2);
            expanded[(glyph * 4) + 2] = hmtx[lsb];
            expanded[(glyph * 4) + 3] = hmtx[lsb + 1];
        }

        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), glyphCount);

        var header = new byte[12 + (16 * numTables)];
        font.AsSpan(0, 12).CopyTo(header);
        using var body = new MemoryStream();
        for (var i = 0; i < tables.Count; i++)
        {
            var (tag, _, _) = tables[i];
            var data = tag switch { "hmtx" => expanded, "hhea" => hhea, _ => Table(tag) };
            var padded = new byte[(data.Length + 3) / 4 * 4];
            data.CopyTo(padded, 0);
            uint checksum = 0;
            for (var k = 0; k < padded.Length; k += 4)
            {
                checksum += BinaryPrimitives.ReadUInt32BigEndian(padded.AsSpan(k));
            }

            var record = header.AsSpan(12 + (16 * i), 16);
            Encoding.ASCII.GetBytes(tag).CopyTo(record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)(header.Length + body.Length));
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            body.Write(padded);
        }

        return [.. header, .. body.ToArray()];
    }
}
