using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Rooms;

internal static class ClientIds
{
    // A random UUID v4: the seat's credential at the router (a stream instance sees only tickets).
    public static string New() => Guid.NewGuid().ToString("D");

    // A client id as the router issues them (a lower-case UUID), from any spelling of one; false when it is none.
    public static bool TryNormalize(string? text, out string clientId)
    {
        clientId = Identifiers.IsClientId(text) ? Guid.ParseExact(text!, "D").ToString("D") : string.Empty;
        return clientId.Length > 0;
    }
}
