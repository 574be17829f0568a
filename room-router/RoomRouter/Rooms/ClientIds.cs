namespace AvatarStream.RoomRouter.Rooms;

internal static class ClientIds
{
    /// <summary>A random UUID v4: the client's credential on the stream instance.</summary>
    public static string New() => Guid.NewGuid().ToString("D");

    /// <summary>Enough of a client id to follow it through logs without leaking the credential.</summary>
    public static string Redact(string clientId) => clientId.Length <= 8 ? "…" : string.Concat(clientId.AsSpan(0, 8), "…");
}
