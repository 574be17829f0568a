using System.Net;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Tests.Integration.Harness;
using AvatarStream.ServiceDefaults;

namespace AvatarStream.RoomRouter.Tests.Integration;

// Internal calls reach the router through another app's sidecar; without the token from the secret store they get 401.
public class InternalAuthTests
{
    public static TheoryData<string, string, string> Calls => new()
    {
        { "POST", "/put-task", "" },
        { "POST", "/put-task", "Bearer not-the-token" },
        { "POST", "/remove-client", "" },
        { "POST", "/remove-client", "Bearer not-the-token" },
        { "POST", "/evict-instance", "" },
        { "POST", "/evict-instance", "not-the-token" },
        { "GET", "/instances", "" },
        { "GET", "/instances", "Bearer not-the-token" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task InternalCall_WithoutTheRightToken_Is401_AndChangesNothing(string method, string path, string authorization)
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var stream = await bed.StartStreamAsync("stream-1");
        var room = await router.CreateRoomAsync().ReadTicketAsync();
        object? body = path switch
        {
            "/put-task" => new PutTaskRequest("stream-9", "ws://127.0.0.1:9/"),
            "/remove-client" => new RemoveClientRequest(room.RoomId, room.ClientId),
            "/evict-instance" => new EvictInstanceRequest(stream.AppId),
            _ => null,
        };

        var response = await stream.CallRouterAsync(new HttpMethod(method), path, body, authorization);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, ProblemTypes.Unauthorized);
        Assert.Equal([stream.AppId], await stream.ListInstancesAsync());
        Assert.Equal([room.RoomId], (await StoredRooms.LedgerAsync(bed.Cluster)).Keys);
        Assert.Equal([room.RoomId], await StoredRooms.ActorIdsAsync(bed.Cluster));
    }

    [Fact]
    public async Task Register_CarriesTheTokenFromTheSecretStore()
    {
        await using var bed = Testbed.Create();
        var router = await bed.StartRouterAsync();
        var stream = await bed.StartStreamAsync("stream-1");

        await router.CreateRoomAsync().ReadTicketAsync();

        Assert.Single(stream.Registered);
        Assert.Equal(0, stream.Unauthorized);
    }
}
