using System.Text.Json;
using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Tests.Integration.Harness;

internal static class TicketJson
{
    public static RoomTicket Read(string body) => JsonSerializer.Deserialize<RoomTicket>(body, ContractJson.Options)!;
}
