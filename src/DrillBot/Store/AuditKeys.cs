using System.Text;

namespace DrillBot.Store;

/// <summary><c>DRILLBOT_AUDIT_KEY</c> as the bytes that key the audit chain's HMAC (null when unset: plain SHA-256).</summary>
public static class AuditKeys
{
    public const string VariableName = "DRILLBOT_AUDIT_KEY";

    public static byte[]? Of(string? key) => string.IsNullOrWhiteSpace(key) ? null : Encoding.UTF8.GetBytes(key.Trim());
}
