using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;
using AvatarStream.StreamService.Core.V2;
using Microsoft.AspNetCore.WebUtilities;

namespace AvatarStream.StreamService.Endpoints;

// What a socket shows, in one of three forms: the query string ?ticket=T; the subprotocol
// avatar-stream.auth.<base64url JSON> next to avatar-stream.v1 or v2 (what a browser can send), whose JSON is
// {"ticket"} with an optional v2 "resume", or {"room_id", "resume"} alone (a resume is a credential of its own); or the
// seed's raw header Sec-WebSocket-Protocol: {ticket: T}, echoed back. A client_id is never a credential here: it is the
// seat's key at the room router and must not travel to, or be logged by, anything in front of an instance.
// SubProtocol: the v1 token to select in the handshake, if any (v2 is always selected by name).
// Offered: the protocols the socket can speak; a socket that names neither speaks v1.
// RawProtocolEcho: the seed's header value to send back verbatim; it is no valid token, so it bypasses selection.
internal readonly record struct StreamCredentials(
    string? Ticket, string? RoomId, ResumeRequest? Resume, string? SubProtocol, RoomProtocol Offered, string? RawProtocolEcho = null)
{
    private const string ClientIdRefused = "A client_id opens no socket; show the ticket join-room answered (?ticket=, or \"ticket\" in the auth subprotocol).";
    private const string Missing = "Show the ticket join-room answered (?ticket=, or \"ticket\" in the auth subprotocol), or a v2 resume.";

    // False with the reason, for the 401's detail, when the socket shows nothing usable.
    public static bool TryRead(HttpContext context, out StreamCredentials credentials, out string refusal)
    {
        credentials = default;
        refusal = Missing;
        var request = context.Request;
        var requested = context.WebSockets.WebSocketRequestedProtocols;
        var selected = requested.Contains(StreamProtocol.V1) ? StreamProtocol.V1 : null;
        var offered = requested.Contains(StreamProtocol.V2) ? RoomProtocol.V2 : RoomProtocol.None;
        if (selected is not null || offered == RoomProtocol.None)
        {
            offered |= RoomProtocol.V1;
        }

        if (request.Query.TryGetValue("ticket", out var queryTicket))
        {
            credentials = new StreamCredentials(queryTicket.ToString(), null, null, selected, offered);
            return true;
        }

        if (request.Query.ContainsKey("client_id"))
        {
            refusal = ClientIdRefused;
            return false;
        }

        var raw = request.Headers.SecWebSocketProtocol.ToString().Trim();
        if (raw.StartsWith('{'))
        {
            var fields = ParseSeedHeader(raw);
            if (fields?.GetValueOrDefault("ticket") is not { } headerTicket)
            {
                refusal = fields?.ContainsKey("client_id") == true ? ClientIdRefused : Missing;
                return false;
            }

            credentials = new StreamCredentials(headerTicket, null, null, null, RoomProtocol.V1, raw);
            return true;
        }

        foreach (var protocol in requested)
        {
            if (protocol.StartsWith(StreamProtocol.AuthPrefix, StringComparison.Ordinal))
            {
                return TryReadAuthProtocol(protocol[StreamProtocol.AuthPrefix.Length..], selected, offered, out credentials, out refusal);
            }
        }

        return false;
    }

    // The seed's form is not JSON: {room_id: 00157, ticket: a.b.c}; quotes are tolerated. Null when it is not that.
    private static Dictionary<string, string>? ParseSeedHeader(string raw)
    {
        if (!raw.EndsWith('}'))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in raw[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return null;
            }

            fields[part[..colon].Trim().Trim('"', '\'')] = part[(colon + 1)..].Trim().Trim('"', '\'');
        }

        return fields;
    }

    // A malformed resume next to a ticket is ignored (the socket gets a fresh welcome): the ticket is what admits.
    private static bool TryReadAuthProtocol(
        string encoded, string? selected, RoomProtocol offered, out StreamCredentials credentials, out string refusal)
    {
        credentials = default;
        refusal = Missing;
        try
        {
            using var json = JsonDocument.Parse(WebEncoders.Base64UrlDecode(encoded));
            var root = json.RootElement;
            var resume = ReadResume(root);
            if (ReadText(root, "ticket") is { } ticket)
            {
                credentials = new StreamCredentials(ticket, null, resume, selected, offered);
                return true;
            }

            if (ReadText(root, "client_id") is not null)
            {
                refusal = ClientIdRefused;
                return false;
            }

            if (resume is not null && offered.HasFlag(RoomProtocol.V2) && ReadText(root, "room_id") is { } roomId && Identifiers.IsRoomId(roomId))
            {
                credentials = new StreamCredentials(null, roomId, resume, selected, RoomProtocol.V2);
                return true;
            }

            return false;
        }
        catch (Exception exception) when (exception is FormatException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static ResumeRequest? ReadResume(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("resume", out var part) && part.ValueKind == JsonValueKind.Object &&
        ReadText(part, "session") is { } session && ReadText(part, "secret") is { } secret &&
        part.TryGetProperty("last_seq", out var lastSeq) && lastSeq.ValueKind == JsonValueKind.Number && lastSeq.TryGetInt64(out var seq)
            ? new ResumeRequest(session, secret, seq)
            : null;

    private static string? ReadText(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
