using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Platform.ServiceDefaults.Errors;

namespace Platform.ServiceDefaults.Validation;

/// <summary>
/// The rules every request message obeys before a handler sees it, whatever the service: they are read from the
/// message's descriptor, so a new RPC or field is covered without a line of code. A handler still checks what only its
/// domain knows (a deadline within the list's years, a grace of 0 to 30 days); this layer makes sure nothing a caller
/// can type reaches the database or a decimal conversion as a 5xx:
/// <list type="bullet">
/// <item>no C0 control character or DEL in any text (tab, line feed and carriage return only in the multi-line
/// fields), no unpaired surrogate, no bidi embedding or override anywhere, and in names no zero-width or bidi mark
/// either (look-alike names such as "区市场监管局" with a U+200B inside);</item>
/// <item>text no longer than <see cref="MaxSingleLine"/> characters, or <see cref="MaxMultiLine"/> in multi-line
/// fields;</item>
/// <item>e-mail addresses of the form local@domain.tld;</item>
/// <item>numbers finite and within ±<see cref="MaxMagnitude"/> (a report's actual of 1e300 would overflow the
/// decimal it is stored as); no negative integer (every count, index, page size and id in the API is ≥ 0); a year,
/// when given, between <see cref="MinYear"/> and <see cref="MaxYear"/>;</item>
/// <item>enumerations: only values the proto declares (an unknown number survives parsing in C#);</item>
/// <item>at most <see cref="MaxRepeated"/> items in any list, and messages nested at most <see cref="MaxDepth"/>
/// deep.</item>
/// </list>
/// A violation is a <see cref="ValidationException"/> naming the field by its JSON path (<c>actuals[0].actual</c>).
/// </summary>
public static partial class RequestRules
{
    public const int MaxSingleLine = 2_048;
    public const int MaxMultiLine = 20_000;
    public const double MaxMagnitude = 1e15;
    public const int MaxRepeated = 1_000;
    public const int MaxDepth = 16;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    /// <summary>Fields written as paragraphs: 进展, 问题, 理由, 说明, comments and the task text.</summary>
    private static readonly HashSet<string> MultiLine = new(StringComparer.Ordinal)
    {
        "text", "progress", "problems", "effects", "reason", "comment", "decision_comment", "return_comment",
        "deadline_text", "description", "body", "message", "source_text", "task_text", "before_text", "after_text",
    };

    /// <summary>
    /// Fields a person reads as a name and compares with other names: no invisible characters at all.
    /// </summary>
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "name", "names", "display_name", "unit_name", "printed_name", "alias", "aliases", "lead_units",
        "responsible_units", "lead_unit", "unit", "username", "contact_name", "title", "category", "indicator",
        "indicators", "client_id",
    };

    private static readonly HashSet<string> Emails = new(StringComparer.Ordinal) { "email", "contact_email" };

    /// <summary>Throws a <see cref="ValidationException"/> for the first rule the message breaks.</summary>
    public static void Check(IMessage message) => Check(message, string.Empty, 0);

    private static void Check(IMessage message, string path, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new ValidationException(Trim(path), $"messages are nested more than {MaxDepth} deep");
        }

        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var name = path.Length == 0 ? field.JsonName : $"{path}.{field.JsonName}";
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var map = (IDictionary)value;
                CheckCount(name, map.Count);
                foreach (DictionaryEntry entry in map)
                {
                    CheckValue(field.MessageType.FindFieldByNumber(1), entry.Key, $"{name}.key", depth);
                    CheckValue(field.MessageType.FindFieldByNumber(2), entry.Value, $"{name}[{entry.Key}]", depth);
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)value;
                CheckCount(name, list.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    CheckValue(field, list[i], $"{name}[{i}]", depth);
                }
            }
            else
            {
                CheckValue(field, value, name, depth);
            }
        }
    }

    private static void CheckValue(FieldDescriptor field, object? value, string path, int depth)
    {
        switch (field.FieldType)
        {
            case FieldType.String when value is string text:
                CheckText(field, text, path);
                break;
            case FieldType.Double or FieldType.Float when value is not null:
                CheckNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture), path);
                break;
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32
                or FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64
                when value is not null:
                CheckInteger(field, Convert.ToInt64(value, CultureInfo.InvariantCulture), path);
                break;
            case FieldType.Enum when value is not null:
                var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
                if (field.EnumType.FindValueByNumber(number) is null)
                {
                    throw new ValidationException(path, $"{number} is not one of the values of {field.EnumType.Name}");
                }

                break;
            case FieldType.Message when value is IMessage nested:
                // Well-known types (a timestamp's seconds may be negative) are checked by their own parsers.
                if (nested.Descriptor.File.Package != "google.protobuf")
                {
                    Check(nested, path, depth + 1);
                }

                break;
        }
    }

    private static void CheckText(FieldDescriptor field, string text, string path)
    {
        var multiLine = MultiLine.Contains(field.Name);
        var max = multiLine ? MaxMultiLine : MaxSingleLine;
        if (text.Length > max)
        {
            throw new ValidationException(path, $"is {text.Length} characters long; at most {max} are accepted");
        }

        var isName = Names.Contains(field.Name);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw new ValidationException(
                    path, $"contains an unpaired surrogate (U+{(int)c:X4}) at position {i + 1}");
            }

            if (c is '\t' or '\n' or '\r' && multiLine)
            {
                continue;
            }

            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
            {
                throw new ValidationException(
                    path, $"contains a control character (U+{(int)c:X4}) at position {i + 1}");
            }

            if (IsBidiControl(c) || (isName && IsInvisible(c)))
            {
                throw new ValidationException(
                    path, $"contains an invisible formatting character (U+{(int)c:X4}) at position {i + 1}");
            }
        }

        if (Emails.Contains(field.Name) && text.Length > 0 && !EmailPattern().IsMatch(text))
        {
            throw new ValidationException(path, $"'{text}' is not an e-mail address (name@example.gov.cn)");
        }
    }

    /// <summary>
    /// Embeddings, overrides and isolates reorder what a reader sees: never legitimate in this API's text.
    /// </summary>
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Zero-width characters and directional marks: invisible, so two different names look the same.</summary>
    private static bool IsInvisible(char c) =>
        c is >= '\u200B' and <= '\u200F' or '\u2060' or '\uFEFF' or '\u061C' or '\u00AD' or '\u180E';

    private static void CheckNumber(double value, string path)
    {
        if (!double.IsFinite(value))
        {
            throw new ValidationException(
                path, $"must be a finite number, not {value.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Math.Abs(value) > MaxMagnitude)
        {
            throw new ValidationException(path, $"must be between -{MaxMagnitude:0e0} and {MaxMagnitude:0e0}");
        }
    }

    private static void CheckInteger(FieldDescriptor field, long value, string path)
    {
        if (value < 0)
        {
            throw new ValidationException(path, $"must not be negative (was {value})");
        }

        if (field.Name == "year" && value != 0 && value is < MinYear or > MaxYear)
        {
            throw new ValidationException(path, $"must be a year between {MinYear} and {MaxYear} (was {value})");
        }
    }

    private static void CheckCount(string path, int count)
    {
        if (count > MaxRepeated)
        {
            throw new ValidationException(path, $"has {count} items; at most {MaxRepeated} are accepted");
        }
    }

    private static string Trim(string path) => path.Length == 0 ? "request" : path;

    [GeneratedRegex(@"^[^@\s""<>(),;:\\\[\]]{1,64}@[^@\s""<>(),;:\\\[\]]+\.[^@\s""<>(),;:\\\[\]]{2,}$")]
    private static partial Regex EmailPattern();
}
