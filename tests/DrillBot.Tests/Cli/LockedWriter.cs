using System.Text;

namespace DrillBot.Tests.Cli;

/// <summary>A StringWriter that may be read while the command writes to it from other threads.</summary>
internal sealed class LockedWriter : StringWriter
{
    private readonly Lock _gate = new();

    public override void Write(char value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            base.Write(buffer, index, count);
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        lock (_gate)
        {
            base.Write(buffer);
        }
    }

    public override Encoding Encoding => Encoding.UTF8;

    public override string ToString()
    {
        lock (_gate)
        {
            return base.ToString();
        }
    }
}
