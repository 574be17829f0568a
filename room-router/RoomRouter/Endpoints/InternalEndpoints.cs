using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Instances;
using AvatarStream.RoomRouter.Rooms;
using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AvatarStream.RoomRouter.Endpoints;

// Calls from stream instances and the IP updater, by Dapr service invocation, behind the internal token.
internal static class InternalEndpoints
{
    public static IEndpointRouteBuilder MapInternalApi(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup(string.Empty)
            .WithTags("Internal")
            .AddEndpointFilter<InternalTokenFilter>()
            .AddEndpointFilter<BodySizeFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        calls.MapPost(InternalRoutes.PutTask, PutTaskAsync)
            .WithSummary("A stream instance announces its app-id and public WebSocket URL. Idempotent.")
            .Accepts<PutTaskRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        calls.MapPost(InternalRoutes.RemoveClient, RemoveClientAsync)
            .WithSummary("A client left its stream instance; the last one leaving ends the room. Reason removed or denied bars the client from the room. Idempotent.")
            .Accepts<RemoveClientRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        calls.MapPost(InternalRoutes.EndRoom, EndRoomAsync)
            .WithSummary("A host ended a room on its stream instance: its seats are freed and join-room answers 410 room-ended. Idempotent.")
            .Accepts<EndRoomRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        calls.MapPost(InternalRoutes.EvictInstance, EvictInstanceAsync)
            .WithSummary("Drops a dead stream instance with all its rooms and clients. Idempotent.")
            .Accepts<EvictInstanceRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        calls.MapGet(InternalRoutes.Instances, ListInstancesAsync)
            .WithSummary("The registered stream instances.");

        calls.MapGet(InternalRoutes.HostedRoomsPattern, ListHostedRoomsAsync)
            .WithSummary("The rooms an instance hosts with their clients, so that a restarted instance admits them again.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        return app;
    }

    private static async Task<Results<Ok, ProblemHttpResult>> PutTaskAsync(InstanceRegistry registry, HttpContext http)
    {
        var (request, problem) = await InternalRequests.ReadAsync(
            http.Request,
            (PutTaskRequest r) => InternalRequests.CheckInstanceId(r.InstanceId) ?? InternalRequests.CheckStreamUrl(r.StreamUrl),
            http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        await registry.PutAsync(request.InstanceId, request.StreamUrl, http.RequestAborted);
        return TypedResults.Ok();
    }

    private static async Task<Results<Ok, ProblemHttpResult>> RemoveClientAsync(ClientRemoval removal, HttpContext http)
    {
        var (request, problem) = await InternalRequests.ReadAsync(
            http.Request,
            (RemoveClientRequest r) => InternalRequests.CheckRoomId(r.RoomId) ?? InternalRequests.CheckClientId(r.ClientId),
            http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        RoomId.TryParse(request.RoomId, out var roomId);
        ClientIds.TryNormalize(request.ClientId, out var clientId);
        // Any other reason, known or not, only frees the seat: refusing it would leave the seat taken.
        await removal.RemoveAsync(roomId, clientId, DepartureReasons.Bars(request.Reason), http.RequestAborted);
        return TypedResults.Ok();
    }

    private static async Task<Results<Ok, ProblemHttpResult>> EndRoomAsync(RoomEnding ending, HttpContext http)
    {
        var (request, problem) = await InternalRequests.ReadAsync(
            http.Request, (EndRoomRequest r) => InternalRequests.CheckRoomId(r.RoomId), http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        RoomId.TryParse(request.RoomId, out var roomId);
        await ending.EndAsync(roomId, http.RequestAborted);
        return TypedResults.Ok();
    }

    private static async Task<Results<Ok<EvictionReport>, ProblemHttpResult>> EvictInstanceAsync(InstanceEviction eviction, HttpContext http)
    {
        var (request, problem) = await InternalRequests.ReadAsync(
            http.Request, (EvictInstanceRequest r) => InternalRequests.CheckInstanceId(r.InstanceId), http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        var rooms = await eviction.EvictAsync(request.InstanceId, http.RequestAborted);
        return TypedResults.Ok(new EvictionReport(request.InstanceId, rooms));
    }

    private static async Task<Ok<InstanceList>> ListInstancesAsync(InstanceRegistry registry, HttpContext http)
    {
        var instances = await registry.ReadNowAsync(http.RequestAborted);
        return TypedResults.Ok(new InstanceList(
            instances.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => new RegisteredInstance(i.Key, i.Value)).ToList()));
    }

    private static async Task<Results<Ok<InstanceRooms>, ProblemHttpResult>> ListHostedRoomsAsync(
        [FromRoute(Name = "instance_id")] string instanceId, HostedRoomsQuery query, HttpContext http)
    {
        if (InternalRequests.CheckInstanceId(instanceId) is { } error)
        {
            return RoomProblems.BadRequest(error);
        }

        return TypedResults.Ok(new InstanceRooms(instanceId, await query.ListAsync(instanceId, http.RequestAborted)));
    }
}
