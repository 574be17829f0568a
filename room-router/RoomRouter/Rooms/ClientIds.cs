namespace AvatarStream.RoomRouter.Rooms;

internal static class ClientIds
{
    /// <summary>A random UUID v4: the client's credential on the stream instance.</summary>
    public static string New() => Guid.NewGuid().ToString("D");

    /// <summary>A client id as the router issues them (a lower-case UUID), from any spelling of one; false when it is none.</summary>
    public static bool TryNormalize(string? text, out string clientId)
    {
        clientId = Guid.TryParseExact(text, "D", out var id) ? id.ToString("D") : string.Empty;
        return clientId.Length > 0;
    }

    /// <summary>Enough of a client id to follow it through logs without leaking the credential.</summary>
    public static string Redact(string clientId) => clientId.Length <= 8 ? "…" : string.Concat(clientId.AsSpan(0, 8), "…");
}
