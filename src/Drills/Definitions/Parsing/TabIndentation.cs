namespace DrillBot.Drills.Definitions.Parsing;

/// <summary>The first tab in a line's indentation (YAML allows only spaces there), as a 1-based place.</summary>
internal static class TabIndentation
{
    public static (int Line, int Column)? Find(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            for (var c = 0; c < line.Length && (line[c] == ' ' || line[c] == '\t'); c++)
            {
                if (line[c] == '\t')
                {
                    return (i + 1, c + 1);
                }
            }
        }

        return null;
    }
}
