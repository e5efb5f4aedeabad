using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>
/// Finds a key written twice in one mapping (block or flow) from the parser's events, before the
/// document is built (YamlDotNet's own "Duplicate key" names neither the key's first place nor the file).
/// </summary>
internal static class DuplicateKeys
{
    private sealed class Frame(bool mapping)
    {
        public bool Mapping { get; } = mapping;

        public bool ExpectKey { get; set; } = true;

        public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>Reports each repeated key at its second place, naming the first; false when the text is not parseable YAML.</summary>
    public static bool Check(YamlContext ctx, string text)
    {
        var frames = new Stack<Frame>();
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                var e = parser.Current;
                switch (e)
                {
                    case MappingStart or SequenceStart:
                        Node(ctx, frames, e);
                        frames.Push(new Frame(e is MappingStart));
                        break;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        break;
                    case Scalar or AnchorAlias:
                        Node(ctx, frames, e);
                        break;
                }
            }

            return true;
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // the document load reports the syntax error with its place
            return false;
        }
    }

    private static void Node(YamlContext ctx, Stack<Frame> frames, ParsingEvent e)
    {
        if (frames.Count == 0 || !frames.Peek().Mapping)
        {
            return;
        }

        var frame = frames.Peek();
        if (frame.ExpectKey && e is Scalar { Value: var key })
        {
            if (frame.Keys.TryGetValue(key, out var first))
            {
                ctx.Problem(ctx.At(e.Start), $"duplicate key '{key}' (first at {first.Line}:{first.Column})");
            }
            else
            {
                frame.Keys[key] = e.Start;
            }
        }

        frame.ExpectKey = !frame.ExpectKey;
    }
}
