namespace AvatarStream.Client;

// The first byte of every binary frame.
public enum MediaKind : byte
{
    Video = 1,
    Audio = 2,
    Other = 3,
}
