using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using Microsoft.AspNetCore.WebUtilities;

namespace AvatarStream.StreamService.Endpoints;

// The room/client pair a socket presents, in one of three forms: the query string; the subprotocol
// avatar-stream.auth.<base64url JSON> next to avatar-stream.v1 or v2 (what a browser can send), whose JSON may
// carry a v2 resume; or the seed's raw header Sec-WebSocket-Protocol: {room_id: 00157, client_id: ...}, echoed back.
// SubProtocol: the v1 token to select in the handshake, if any (v2 is always selected by name).
// Offered: the protocols the socket can speak; a socket that names neither speaks v1.
// RawProtocolEcho: the seed's header value to send back verbatim; it is no valid token, so it bypasses selection.
internal readonly record struct StreamCredentials(
    string RoomId, string ClientId, string? SubProtocol, RoomProtocol Offered = RoomProtocol.V1, ResumeRequest? Resume = null, string? RawProtocolEcho = null)
{
    public static bool TryRead(HttpContext context, out StreamCredentials credentials)
    {
        credentials = default;
        var request = context.Request;
        var requested = context.WebSockets.WebSocketRequestedProtocols;
        var selected = requested.Contains(StreamProtocol.V1) ? StreamProtocol.V1 : null;
        var offered = requested.Contains(StreamProtocol.V2) ? RoomProtocol.V2 : RoomProtocol.None;
        if (selected is not null || offered == RoomProtocol.None)
        {
            offered |= RoomProtocol.V1;
        }

        if (request.Query.ContainsKey("room_id") || request.Query.ContainsKey("client_id"))
        {
            return TryCreate(request.Query["room_id"], request.Query["client_id"], selected, offered, null, out credentials);
        }

        var raw = request.Headers.SecWebSocketProtocol.ToString().Trim();
        if (raw.StartsWith('{'))
        {
            if (!TryParseSeedHeader(raw, out var roomId, out var clientId) || !TryCreate(roomId, clientId, null, RoomProtocol.V1, null, out credentials))
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
                return TryParseAuthProtocol(protocol[StreamProtocol.AuthPrefix.Length..], out var roomId, out var clientId, out var resume) &&
                    TryCreate(roomId, clientId, selected, offered, resume, out credentials);
            }
        }

        return false;
    }

    private static bool TryCreate(
        string? roomId, string? clientId, string? subProtocol, RoomProtocol offered, ResumeRequest? resume, out StreamCredentials credentials)
    {
        credentials = new StreamCredentials(roomId ?? string.Empty, clientId ?? string.Empty, subProtocol, offered, resume);
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

    // A resume that is malformed is ignored (the socket gets a fresh welcome), not refused: the ticket is what admits.
    private static bool TryParseAuthProtocol(string encoded, out string? roomId, out string? clientId, out ResumeRequest? resume)
    {
        roomId = clientId = null;
        resume = null;
        try
        {
            using var json = JsonDocument.Parse(WebEncoders.Base64UrlDecode(encoded));
            var root = json.RootElement;
            roomId = ReadId(root, "room_id");
            clientId = ReadId(root, "client_id");
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("resume", out var part) && part.ValueKind == JsonValueKind.Object &&
                ReadId(part, "session") is { } session && ReadId(part, "secret") is { } secret &&
                part.TryGetProperty("last_seq", out var lastSeq) && lastSeq.ValueKind == JsonValueKind.Number && lastSeq.TryGetInt64(out var seq))
            {
                resume = new ResumeRequest(session, secret, seq);
            }

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
