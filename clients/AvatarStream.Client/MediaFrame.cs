namespace AvatarStream.Client;

// A binary frame as the server delivers it: Sender is the member number the server stamped on it.
public readonly record struct MediaFrame(MediaKind Kind, byte Layer, ushort Sender, ReadOnlyMemory<byte> Payload);
