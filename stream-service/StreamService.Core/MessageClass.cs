namespace AvatarStream.StreamService.Core;

// A queued message's priority: a receiver's queue drains control, then audio, then video, and under
// pressure drops video before audio. Control is never dropped. v1 frames all travel as Video.
public enum MessageClass
{
    Control,
    Audio,
    Video,
}
