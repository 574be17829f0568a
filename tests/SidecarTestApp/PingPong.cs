namespace AvatarStream.SidecarTestApp;

public sealed record PingPong(string PeerId, int Hops);
