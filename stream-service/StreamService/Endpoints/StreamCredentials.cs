using System.Text.Json;
using AvatarStream.Contracts;
using Microsoft.AspNetCore.WebUtilities;

namespace AvatarStream.StreamService.Endpoints;

// The room/client pair a socket presents, in one of three forms: the query string; the subprotocol
// avatar-stream.auth.<base64url JSON> next to avatar-stream.v1 (what a browser can send);
// or the seed's raw header Sec-WebSocket-Protocol: {room_id: 00157, client_id: ...}, echoed back.
// SubProtocol: the token to select in the handshake, if any.
// RawProtocolEcho: the seed's header value to send back verbatim; it is no valid token, so it bypasses selection.
internal readonly record struct StreamCredentials(string RoomId, string ClientId, string? SubProtocol, string? RawProtocolEcho = null)
{
    public static bool TryRead(HttpContext context, out StreamCredentials credentials)
    {
        credentials = default;
        var request = context.Request;
        var requested = context.WebSockets.WebSocketRequestedProtocols;
        var selected = requested.Contains(StreamProtocol.V1) ? StreamProtocol.V1 : null;

        if (request.Query.ContainsKey("room_id") || request.Query.ContainsKey("client_id"))
        {
            return TryCreate(request.Query["room_id"], request.Query["client_id"], selected, out credentials);
        }

        var raw = request.Headers.SecWebSocketProtocol.ToString().Trim();
        if (raw.StartsWith('{'))
        {
            if (!TryParseSeedHeader(raw, out var roomId, out var clientId) || !TryCreate(roomId, clientId, null, out credentials))
            {
                return false;
            }

            credentials = credentials with { RawProtocolEcho = raw };
            return true;
        }

        foreach (var protocol in requested)
        {
            if (protocol.StartsWith(StreamProtocol.AuthPrefix, StringComparison.Ordinal))
            {
                return TryParseAuthProtocol(protocol[StreamProtocol.AuthPrefix.Length..], out var roomId, out var clientId) &&
                    TryCreate(roomId, clientId, selected, out credentials);
            }
        }

        return false;
    }

    private static bool TryCreate(string? roomId, string? clientId, string? subProtocol, out StreamCredentials credentials)
    {
        credentials = new StreamCredentials(roomId ?? string.Empty, clientId ?? string.Empty, subProtocol);
        return Identifiers.IsRoomId(roomId) && Identifiers.IsClientId(clientId);
    }

    // The seed's form is not JSON: {room_id: 00157, client_id: 6f1c...}; quotes are tolerated.
    private static bool TryParseSeedHeader(string raw, out string? roomId, out string? clientId)
    {
        roomId = clientId = null;
        if (!raw.EndsWith('}'))
        {
            return false;
        }

        foreach (var part in raw[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return false;
            }

            var key = part[..colon].Trim().Trim('"', '\'');
            var value = part[(colon + 1)..].Trim().Trim('"', '\'');
            switch (key)
            {
                case "room_id":
                    roomId = value;
                    break;
                case "client_id":
                    clientId = value;
                    break;
            }
        }

        return roomId is not null && clientId is not null;
    }

    private static bool TryParseAuthProtocol(string encoded, out string? roomId, out string? clientId)
    {
        roomId = clientId = null;
        try
        {
            using var json = JsonDocument.Parse(WebEncoders.Base64UrlDecode(encoded));
            var root = json.RootElement;
            roomId = ReadId(root, "room_id");
            clientId = ReadId(root, "client_id");
            return true;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static string? ReadId(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
