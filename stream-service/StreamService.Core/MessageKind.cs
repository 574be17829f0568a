namespace AvatarStream.StreamService.Core;

/// <summary>What a queued message is; decides its lane in a receiver's send queue.</summary>
public enum MessageKind
{
    /// <summary>A member's frame, relayed as is; dropped for a receiver whose queue is full.</summary>
    Media,

    /// <summary>A server-originated message; sent ahead of media and kept under load.</summary>
    Control,
}
