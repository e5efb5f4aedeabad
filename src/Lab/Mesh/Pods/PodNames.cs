namespace DrillBot.Lab.Mesh;

/// <summary>Kubernetes-style generated names (<c>reviews-v1-7f9c8d5b6d-x2k4q</c>) from the seeded generator.</summary>
internal static class PodNames
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Suffix(Random random, int length)
    {
        Span<char> chars = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    public static string Uid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
