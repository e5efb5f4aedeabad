using System.Text;
using System.Text.Json.Nodes;

namespace DrillBot.Lab.Api;

/// <summary>
/// Reads the <c>spec</c> of a SelfSubjectAccessReview sent as Kubernetes protobuf (kubectl's typed clients send built-in types
/// that way, https://kubernetes.io/docs/reference/using-api/api-concepts/#protobuf-encoding): the <c>k8s\0</c> magic, a
/// <c>runtime.Unknown</c> envelope (field 2 = raw), and in it SelfSubjectAccessReview.spec (2) → resourceAttributes (1:
/// namespace 1, verb 2, group 3, version 4, resource 5, subresource 6, name 7) or nonResourceAttributes (2: path 1, verb 2).
/// Only what an access review needs; the answer is JSON (kubectl accepts it).
/// </summary>
internal static class ProtobufAccessReview
{
    private static readonly byte[] Magic = [0x6b, 0x38, 0x73, 0x00];

    public const string ContentType = "application/vnd.kubernetes.protobuf";

    /// <summary>The review as JSON (<c>{"spec":{…}}</c>), or null when the bytes are not such a message.</summary>
    public static JsonObject? Read(byte[] body)
    {
        try
        {
            if (body.Length < Magic.Length || !body.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            {
                return null;
            }

            var raw = Fields(body.AsSpan(Magic.Length).ToArray()).FirstOrDefault(f => f.Number == 2).Bytes;
            var spec = raw is null ? null : Fields(raw).FirstOrDefault(f => f.Number == 2).Bytes;
            if (spec is null)
            {
                return null;
            }

            var json = new JsonObject();
            foreach (var (number, bytes) in Fields(spec))
            {
                if (number == 1 && bytes is not null)
                {
                    json["resourceAttributes"] = Strings(bytes, ["namespace", "verb", "group", "version", "resource", "subresource", "name"]);
                }
                else if (number == 2 && bytes is not null)
                {
                    json["nonResourceAttributes"] = Strings(bytes, ["path", "verb"]);
                }
            }

            return new JsonObject { ["spec"] = json };
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static JsonObject Strings(byte[] message, string[] names)
    {
        var result = new JsonObject();
        foreach (var (number, bytes) in Fields(message))
        {
            if (number >= 1 && number <= names.Length && bytes is not null)
            {
                result[names[number - 1]] = Encoding.UTF8.GetString(bytes);
            }
        }

        return result;
    }

    /// <summary>The top-level fields of a protobuf message: number and, for length-delimited ones, their bytes.</summary>
    private static List<(int Number, byte[]? Bytes)> Fields(byte[] message)
    {
        var fields = new List<(int, byte[]?)>();
        var i = 0;
        while (i < message.Length)
        {
            var key = Varint(message, ref i);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    Varint(message, ref i);
                    fields.Add((number, null));
                    break;
                case 1:
                    i += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref i);
                    if (length < 0 || i + length > message.Length)
                    {
                        throw new FormatException("truncated field");
                    }

                    fields.Add((number, message[i..(i + length)]));
                    i += length;
                    break;
                case 5:
                    i += 4;
                    break;
                default:
                    throw new FormatException("unsupported wire type");
            }
        }

        return fields;
    }

    private static ulong Varint(byte[] data, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (i >= data.Length)
            {
                throw new FormatException("truncated varint");
            }

            var b = data[i++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("varint too long");
    }
}
