using System.Text;

namespace DrillBot.Slack.Commands;

/// <summary>
/// Parses the text after <c>/drill</c>. Total: every input gives a <see cref="DrillCommand"/>.
/// Verbs are case-insensitive; options accept the dashes Slack clients substitute for <c>--</c>
/// (em dash, en dash).
/// </summary>
public static class DrillCommandParser
{
    /// <summary>Longer command texts are refused outright.</summary>
    public const int MaxTextLength = 500;

    /// <summary>Longest drill name or run ID accepted.</summary>
    public const int MaxNameLength = 64;

    public const string Usage =
        "/drill run NAME [--dry-run] [--override-blackout REASON] · /drill list · /drill status · /drill abort [RUN] · /drill history [NAME] · /drill freeze REASON · /drill unfreeze · /drill help";

    public static DrillCommand Parse(string? text)
    {
        if (text is null || string.IsNullOrWhiteSpace(text))
        {
            return new DrillCommand.Help();
        }

        if (text.Length > MaxTextLength)
        {
            return new DrillCommand.Invalid($"the command is too long ({text.Length} characters, at most {MaxTextLength})");
        }

        var words = Tokenize(text);
        if (words.Count == 0)
        {
            return new DrillCommand.Help();
        }

        var verb = words[0].ToLowerInvariant();
        var args = words.Skip(1).ToList();
        return verb switch
        {
            "run" or "start" => ParseRun(args),
            "list" or "ls" => NoArguments(args, "list", new DrillCommand.List()),
            "status" => NoArguments(args, "status", new DrillCommand.Status()),
            "abort" or "stop" => OptionalName(args, "abort", "RUN", id => new DrillCommand.Abort(id)),
            "history" => OptionalName(args, "history", "NAME", name => new DrillCommand.History(name)),
            "freeze" => Unquote(string.Join(' ', args)) is { Length: > 0 } why
                ? new DrillCommand.Freeze(why)
                : new DrillCommand.Invalid("freeze needs a reason, e.g. /drill freeze incident INC-42 in cn-hangzhou"),
            "unfreeze" or "thaw" => NoArguments(args, "unfreeze", new DrillCommand.Unfreeze()),
            "help" or "-h" or "--help" or "?" => new DrillCommand.Help(),
            _ => new DrillCommand.Invalid($"unknown command '{Shorten(words[0])}'"),
        };
    }

    private static DrillCommand ParseRun(List<string> args)
    {
        string? name = null;
        string? reason = null;
        var dryRun = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (IsOption(arg, out var option))
            {
                if (option is "dry-run" or "dryrun")
                {
                    dryRun = true;
                    continue;
                }

                if (option is "override-blackout")
                {
                    // the reason is every word after the flag (quotes optional)
                    reason = Unquote(string.Join(' ', args.Skip(i + 1)));
                    if (reason.Length == 0)
                    {
                        return new DrillCommand.Invalid("--override-blackout needs a reason (it is recorded in the report), e.g. /drill run reviews-failover --override-blackout hotfix verification");
                    }

                    break;
                }

                return new DrillCommand.Invalid($"unknown option '{Shorten(arg)}' for run (--dry-run, --override-blackout REASON)");
            }

            if (name is not null)
            {
                return new DrillCommand.Invalid($"run takes one drill name, got '{Shorten(name)}' and '{Shorten(arg)}'");
            }

            name = arg;
        }

        if (name is null)
        {
            return new DrillCommand.Invalid("run needs a drill name, e.g. /drill run reviews-failover (see /drill list)");
        }

        return IsValidName(name)
            ? new DrillCommand.Run(name, dryRun) { OverrideBlackout = reason }
            : new DrillCommand.Invalid($"'{Shorten(name)}' is not a valid drill name (letters, digits, '-', '_', '.'; at most {MaxNameLength})");
    }

    /// <summary>The text without surrounding straight or curly quotes (Slack clients substitute curly ones).</summary>
    private static string Unquote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length >= 2 && "\"'\u201C\u201D\u2018\u2019".Contains(trimmed[0], StringComparison.Ordinal) && "\"'\u201C\u201D\u2018\u2019".Contains(trimmed[^1], StringComparison.Ordinal)
            ? trimmed[1..^1].Trim()
            : trimmed;
    }

    private static DrillCommand NoArguments(List<string> args, string verb, DrillCommand command) =>
        args.Count == 0 ? command : new DrillCommand.Invalid($"{verb} takes no arguments, got '{Shorten(string.Join(' ', args))}'");

    private static DrillCommand OptionalName(List<string> args, string verb, string what, Func<string?, DrillCommand> make)
    {
        if (args.Count == 0)
        {
            return make(null);
        }

        if (args.Count > 1)
        {
            return new DrillCommand.Invalid($"{verb} takes at most one {what}, got {args.Count} words");
        }

        return IsValidName(args[0]) && !IsOption(args[0], out _)
            ? make(args[0])
            : new DrillCommand.Invalid($"'{Shorten(args[0])}' is not a valid {what} for {verb}");
    }

    private static bool IsOption(string word, out string option)
    {
        var trimmed = word.TrimStart('-', '\u2013', '\u2014');
        option = trimmed.ToLowerInvariant();
        return trimmed.Length < word.Length;
    }

    private static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Splits on any white space (including non-breaking spaces Slack clients insert).</summary>
    private static List<string> Tokenize(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    private static string Shorten(string word) => SlackText.Truncate(word, 40);
}
