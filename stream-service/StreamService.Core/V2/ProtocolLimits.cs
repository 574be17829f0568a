namespace AvatarStream.StreamService.Core.V2;

// The limits the protocol itself fixes (docs/protocol.md, Limits); the tunable ones are in RelayOptions.
internal static class ProtocolLimits
{
    public const int MaxControlBytes = 64 * 1024;
    public const int MaxFeeds = 49;
    public const int MaxMetaBytes = 1024;
    public const int EventsKept = 256;
    public const int MaxMemberNumber = ushort.MaxValue;
    public const int HighestLayer = 2;
}
