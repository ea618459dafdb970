using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Platform.Testing;

namespace Platform.Fuzz.Tests;

/// <summary>
/// Hostile values for each protobuf field type, and request messages built from them: one field at a time (so a
/// failure names the field), lists over the limit, nested messages, and seeded random combinations.
/// </summary>
public static class FuzzValues
{
    public static readonly string[] Strings =
    [
        string.Empty, "市场\u0000", "\u0000", "a\u0001b\u001Fc\u007F", "\u202E局管监场市", "区\u200B市场监管局", "\uFEFF名称",
        new string('长', 30_000), "'; DROP TABLE tasks; --", "%00%ff", "../../../../etc/passwd", "😀𠀀", "\r\n\t",
        "00000000-0000-0000-0000-000000000000", "0197e1a2-7a8f-7d6e-9c1b-3f4e5d6c7b8a", "2023-13-45", "0001-01-01", "9999-12-31",
        "-1", "NaN", "http://169.254.169.254/latest/meta-data/", "bad", "{{7*7}}${jndi:ldap://x}",
    ];

    public static readonly double[] Doubles =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, -1e300, 7.9228162514264338e28, 1e16, -1, -0.0, double.Epsilon,
    ];

    public static readonly long[] Integers = [-1, int.MinValue, int.MaxValue, 0, 1, 99_999];

    public static readonly long[] Longs = [long.MinValue, long.MaxValue, -1];

    public static readonly int[] Enums = [9_999, -1, 1, 2];

    public static readonly ByteString[] Bytes =
    [
        ByteString.Empty, ByteString.CopyFrom(Random(4_000, 7)), ByteString.CopyFrom("%PDF-1.7\n garbage"u8), ByteString.CopyFrom("PK\u0003\u0004\u0014"u8),
        ByteString.CopyFrom(HostileFiles.DocxInflatingTo(60, (byte)' ')),
    ];

    /// <summary>Values for one field (not the list it may be), as the protobuf reflection API takes them.</summary>
    public static IEnumerable<object> For(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.String => Strings,
        FieldType.Double => Doubles.Cast<object>(),
        FieldType.Float => Doubles.Select(d => (object)(float)d),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Integers.Select(i => (object)(int)i),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => Longs.Concat(Integers).Select(i => (object)i),
        FieldType.UInt32 or FieldType.Fixed32 => [uint.MaxValue, 0u],
        FieldType.UInt64 or FieldType.Fixed64 => [ulong.MaxValue, 0ul],
        FieldType.Bool => [true, false],
        FieldType.Enum => Enums.Select(e => Enum.ToObject(field.EnumType.ClrType, e)),
        FieldType.Bytes => Bytes,
        FieldType.Message => NestedCases(field.MessageType),
        _ => [],
    };

    /// <summary>Each request of a method's field-by-field sweep, with a label naming the field and value.</summary>
    public static IEnumerable<(string Label, IMessage Message)> Sweep(MessageDescriptor type)
    {
        yield return ("empty", New(type));
        foreach (var field in type.Fields.InDeclarationOrder())
        {
            var i = 0;
            foreach (var value in For(field))
            {
                var message = New(type);
                Set(message, field, value);
                yield return ($"{field.JsonName}#{i++}", message);
            }

            if (field.IsRepeated && !field.IsMap)
            {
                var message = New(type);
                var list = (IList)field.Accessor.GetValue(message);
                var item = For(field).FirstOrDefault(v => v is not string { Length: > 100 });
                if (item is not null)
                {
                    for (var n = 0; n < 1_001; n++)
                    {
                        list.Add(item);
                    }

                    yield return ($"{field.JsonName}×1001", message);
                }
            }
        }
    }

    /// <summary>A request with a random handful of fields set to random hostile values.</summary>
    public static IMessage RandomMessage(MessageDescriptor type, Random random)
    {
        var message = New(type);
        foreach (var field in type.Fields.InDeclarationOrder().Where(_ => random.Next(3) == 0))
        {
            var values = For(field).ToList();
            if (values.Count > 0)
            {
                Set(message, field, values[random.Next(values.Count)]);
            }
        }

        return message;
    }

    public static IMessage New(MessageDescriptor type) => (IMessage)Activator.CreateInstance(type.ClrType)!;

    private static void Set(IMessage message, FieldDescriptor field, object value)
    {
        if (field.IsMap)
        {
            return;
        }

        if (field.IsRepeated)
        {
            ((IList)field.Accessor.GetValue(message)).Add(value);
            return;
        }

        field.Accessor.SetValue(message, value);
    }

    /// <summary>For a message-typed field: an empty one, then one with each of its own fields hostile in turn.</summary>
    private static IEnumerable<object> NestedCases(MessageDescriptor type)
    {
        if (type.File.Package == "google.protobuf")
        {
            if (type.FullName == "google.protobuf.Timestamp")
            {
                yield return new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = -62_135_596_801, Nanos = 0 };
                yield return new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = 253_402_300_800, Nanos = 0 };
            }

            yield break;
        }

        yield return New(type);
        foreach (var field in type.Fields.InDeclarationOrder().Where(f => f.FieldType != FieldType.Message))
        {
            foreach (var value in For(field))
            {
                var nested = New(type);
                Set(nested, field, value);
                yield return nested;
            }
        }
    }

    public static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A .docx-shaped zip of a few tens of kilobytes whose document.xml inflates to 60 MB.</summary>
}
