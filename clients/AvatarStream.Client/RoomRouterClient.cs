using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using AvatarStream.Contracts;

namespace AvatarStream.Client;

// The room router's public API. The HttpClient's BaseAddress is the router ("https://rooms.example/").
public sealed class RoomRouterClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    // Creates a room; the caller becomes its host, and the answer carries the room's join key. Every option left null
    // takes the server's default (a private room: joiners need the key). access: "private" or "open".
    public Task<RoomTicket> CreateRoomAsync(
        string? name = null, bool? lobby = null, int? joinWindowSeconds = null, int? maxClients = null, string? access = null,
        CancellationToken cancellationToken = default) =>
        PostAsync("create-room", new CreateRoomBody(name, lobby, joinWindowSeconds, maxClients, access), cancellationToken);

    // Joins a room. With the room's join key (from its invite link) the seat is a member's; without it, it knocks and
    // waits in the lobby for a host. With heldClientId (the client id of a ticket for this room held before) the same
    // identity comes back while it still holds its seat, past the join window and the client limit, without a key.
    public Task<RoomTicket> JoinRoomAsync(
        string roomId, string? name = null, string? heldClientId = null, string? key = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roomId);
        return PostAsync("join-room", new JoinRoomBody(roomId, heldClientId, name, key), cancellationToken);
    }

    // A rejoin callback for RoomConnectionOptions.Rejoin: join-room again with the identity the connection holds, and
    // the room's key if known, which seats a member again (not a knocker) should the seat have been freed meanwhile.
    public Func<RoomTicket, CancellationToken, Task<RoomTicket>> Rejoin(string? name = null, string? key = null) =>
        (ticket, cancellationToken) => JoinRoomAsync(ticket.RoomId, name, ticket.ClientId, key ?? ticket.JoinKey, cancellationToken);

    private async Task<RoomTicket> PostAsync<TBody>(string path, TBody body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, Json, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<RoomTicket>(Json, cancellationToken)
            ?? throw new RoomRouterException(response.StatusCode, null, "The answer had no body.");
    }

    private static async Task<RoomRouterException> ProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string? type = null, detail = null;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<Problem>(Json, cancellationToken);
            type = LastSegment(problem?.Type);
            detail = problem?.Detail ?? problem?.Title;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or HttpRequestException)
        {
            // Not a problem body (a proxy's page, nothing at all): the status alone says what happened.
        }

        var retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        return new RoomRouterException(response.StatusCode, type, detail, retryAfter);
    }

    private static string? LastSegment(string? type)
    {
        if (string.IsNullOrEmpty(type))
        {
            return null;
        }

        var trimmed = type.TrimEnd('/');
        return trimmed[(trimmed.LastIndexOf('/') + 1)..];
    }

    private sealed record CreateRoomBody(string? Name, bool? Lobby, int? JoinWindowSeconds, int? MaxClients, string? Access);

    private sealed record JoinRoomBody(string RoomId, string? ClientId, string? Name, string? Key);

    private sealed record Problem(string? Type, string? Title, string? Detail, int? Status);
}
