using System.Net;
using System.Net.Http.Json;
using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Tests;

internal static class TicketReading
{
    public static async Task<RoomTicket> ReadTicketAsync(this Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RoomTicket>(ContractJson.Options))!;
    }

    // What makes two tickets the same identity on the same instance (a record's list of protocols compares by reference).
    public static (string RoomId, string ClientId, string StreamUrl, string Role) Identity(this RoomTicket ticket) =>
        (ticket.RoomId, ticket.ClientId, ticket.StreamUrl, ticket.Role);
}
