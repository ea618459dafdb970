using System.Text;

namespace Platform.Tasks.Importing.Reading;

/// <summary>
/// Reads a text file: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or told by its zero bytes), else GB18030 (a
/// superset of GBK and GB2312) when the bytes are not valid UTF-8.
/// </summary>
internal static class TextDocumentReader
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    public static string Decode(ReadOnlySpan<byte> content, string fileName)
    {
        string text;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = DecodeStrict(new UTF8Encoding(false, true), content[3..], fileName);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            text = DecodeStrict(new UTF32Encoding(false, false, true), content[4..], fileName);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = DecodeStrict(new UnicodeEncoding(false, false, true), content[2..], fileName);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = DecodeStrict(new UnicodeEncoding(true, false, true), content[2..], fileName);
        }
        else if (Utf16WithoutBom(content) is { } utf16)
        {
            text = DecodeStrict(utf16, content, fileName);
        }
        else
        {
            try
            {
                text = new UTF8Encoding(false, true).GetString(content);
            }
            catch (DecoderFallbackException)
            {
                text = DecodeStrict(Gb18030.Value, content, fileName);
            }
        }

        if (!LooksLikeText(text))
        {
            throw DocumentSniffer.NotADocument(fileName);
        }

        return text;
    }

    /// <summary>
    /// UTF-8 and GBK text never holds a zero byte; UTF-16 holds one in every ASCII character (line breaks included), on
    /// odd offsets when little-endian, even when big-endian.
    /// </summary>
    private static Encoding? Utf16WithoutBom(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf((byte)0) < 0 || content.Length % 2 != 0)
        {
            return null;
        }

        int even = 0, odd = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == 0)
            {
                if (i % 2 == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }

        return odd > even * 4 ? new UnicodeEncoding(false, false, true)
            : even > odd * 4 ? new UnicodeEncoding(true, false, true)
            : null;
    }

    private static string DecodeStrict(Encoding encoding, ReadOnlySpan<byte> content, string fileName)
    {
        try
        {
            return encoding.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw DocumentSniffer.NotADocument(fileName);
        }
    }

    /// <summary>Binary data decodes to control characters; a document has (almost) none.</summary>
    private static bool LooksLikeText(string text)
    {
        // A page copied from the web keeps U+FFFD where characters were lost, often one per paragraph: up to one in
        // twenty characters is still a document; control characters are binary content beyond one in a hundred.
        var control = 0;
        var lost = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return false;
            }

            if (char.IsControl(c) && c is not ('\r' or '\n' or '\t' or '\f'))
            {
                control++;
            }
            else if (c == '\uFFFD')
            {
                lost++;
            }
        }

        return control <= text.Length / 100 && lost <= text.Length / 20;
    }

    public static IReadOnlyList<SourceLine> ReadLines(string text)
    {
        var lines = new List<SourceLine>();
        var number = 0;
        foreach (var line in text.Split(["\r\n", "\n", "\r", "\f"], StringSplitOptions.None))
        {
            number++;
            lines.Add(new SourceLine(number, line));
        }

        return lines;
    }
}
