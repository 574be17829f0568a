using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Rooms;

internal static class ClientIds
{
    // A random UUID v4: the client's credential on the stream instance.
    public static string New() => Guid.NewGuid().ToString("D");

    // A client id as the router issues them (a lower-case UUID), from any spelling of one; false when it is none.
    public static bool TryNormalize(string? text, out string clientId)
    {
        clientId = Identifiers.IsClientId(text) ? Guid.ParseExact(text!, "D").ToString("D") : string.Empty;
        return clientId.Length > 0;
    }

    // Enough of a client id to follow it through logs without leaking the credential.
    public static string Redact(string clientId) => clientId.Length <= 8 ? "…" : string.Concat(clientId.AsSpan(0, 8), "…");
}
