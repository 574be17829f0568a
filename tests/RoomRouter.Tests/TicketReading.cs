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
}
