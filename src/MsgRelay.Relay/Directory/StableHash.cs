using System.Text;

namespace MsgRelay.Relay.Directory;

/// <summary>
/// 32-bit FNV-1a over the UTF-8 bytes of a string. Shard ids must be the same on every node and
/// every run, which <see cref="string.GetHashCode()"/> (randomised per process) is not.
/// </summary>
public static class StableHash
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>The FNV-1a hash of <paramref name="text"/>'s UTF-8 encoding.</summary>
    public static uint Fnv1a(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> stackBuffer = stackalloc byte[256];
        var byteCount = Encoding.UTF8.GetByteCount(text);
        var bytes = byteCount <= stackBuffer.Length ? stackBuffer[..byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(text, bytes);
        var hash = OffsetBasis;
        foreach (var b in bytes)
        {
            hash ^= b;
            hash *= Prime;
        }

        return hash;
    }

    /// <summary>The shard of an entity: FNV-1a of its id modulo <paramref name="numberOfShards"/>, as decimal text.</summary>
    public static string ShardOf(string entityId, int numberOfShards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numberOfShards, 1);
        return (Fnv1a(entityId) % (uint)numberOfShards).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
