using System.Net.Http.Json;

namespace AvatarStream.RoomRouter.Tests;

// Public API calls as they reach the router from a given peer (a client, or a proxy forwarding for one).
internal static class AddressedRequests
{
    public static Task<HttpResponseMessage> CreateRoomFromAsync(this HttpClient client, string peer, string? forwardedFor = null) =>
        client.SendAsync(From(new HttpRequestMessage(HttpMethod.Post, "/create-room"), peer, forwardedFor));

    // With the room's key when given (a member's seat), without it a knocking one.
    public static Task<HttpResponseMessage> JoinRoomFromAsync(this HttpClient client, string roomId, string peer, string? forwardedFor = null, string? key = null) =>
        client.SendAsync(From(new HttpRequestMessage(HttpMethod.Post, "/join-room") { Content = JsonContent.Create(new { room_id = roomId, key }) }, peer, forwardedFor));

    private static HttpRequestMessage From(HttpRequestMessage request, string peer, string? forwardedFor)
    {
        request.Headers.Add(TestPeerAddress.Header, peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return request;
    }
}
