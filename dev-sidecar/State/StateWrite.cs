namespace AvatarStream.DevSidecar.State;

// One write, with Dapr's conditions (dapr-contract §3, "State semantics"): a non-empty ETag must match
// the live entry; with no ETag, FirstWrite requires the key to be absent (upserts only); otherwise the
// write is unconditional. A delete with a non-empty ETag of an absent key is a mismatch.
public sealed record StateWrite(string Key, ReadOnlyMemory<byte>? Value, string? ETag = null, bool FirstWrite = false, TimeSpan? Ttl = null)
{
    public bool IsDelete => Value is null;

    public bool HasETag => !string.IsNullOrEmpty(ETag);

    public static StateWrite Upsert(string key, ReadOnlyMemory<byte> value, string? etag = null, bool firstWrite = false, TimeSpan? ttl = null) =>
        new(key, value, etag, firstWrite, ttl);

    public static StateWrite Delete(string key, string? etag = null) => new(key, null, etag);

    // Whether this write may go ahead, given the ETag of the live entry (null when absent or expired).
    public bool IsAllowedOver(string? liveETag) =>
        HasETag
            ? string.Equals(liveETag, ETag, StringComparison.Ordinal)
            : !FirstWrite || IsDelete || liveETag is null;
}
