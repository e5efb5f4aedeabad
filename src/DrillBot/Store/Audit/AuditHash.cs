using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DrillBot.Store.Data;

namespace DrillBot.Store.Audit;

/// <summary>
/// The chain: <c>hash = hex(SHA-256(prev_hash, seq, at, actor, source, action, drill, run_id, approval_id, detail))</c>,
/// each field length-prefixed so no two rows encode alike; HMAC-SHA-256 instead when a key is given
/// (<c>DRILLBOT_AUDIT_KEY</c>), so that someone who can write to the database but does not know the key cannot
/// recompute a consistent chain after editing it. The first event's <c>prev_hash</c> is <see cref="Genesis"/>.
/// </summary>
internal static class AuditHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(string prevHash, long seq, DateTimeOffset at, AuditEntry entry, byte[]? key)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            prevHash, seq.ToString(CultureInfo.InvariantCulture), StoreTime.ToSqliteText(at), entry.Actor, entry.Source, entry.Action,
            entry.Drill ?? "\0", entry.RunId ?? "\0", entry.ApprovalId ?? "\0", entry.DetailJson,
        })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append(';');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return Convert.ToHexStringLower(key is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(key, bytes));
    }
}
