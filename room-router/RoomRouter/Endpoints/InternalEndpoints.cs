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
            .WithSummary("A stream instance announces its app-id, public WebSocket URL and boot id, and learns its era. Idempotent for one boot id.")
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

        calls.MapPost(InternalRoutes.DrainInstance, DrainInstanceAsync)
            .WithSummary("A stopping stream instance takes itself out of placement; its rooms move on their next join. Idempotent.")
            .Accepts<DrainInstanceRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        calls.MapPost(InternalRoutes.EvictInstance, EvictInstanceAsync)
            .WithSummary("Drops a dead (or drained) stream instance; its rooms move to live instances on their next join. Idempotent.")
            .Accepts<EvictInstanceRequest>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        calls.MapGet(InternalRoutes.Instances, ListInstancesAsync)
            .WithSummary("The registered stream instances.");

        return app;
    }

    private static async Task<Results<Ok<PutTaskResponse>, ProblemHttpResult>> PutTaskAsync(
        InstanceRegistry registry, InstanceEviction eviction, HttpContext http)
    {
        var (request, problem) = await InternalRequests.ReadAsync(
            http.Request,
            (PutTaskRequest r) => InternalRequests.CheckInstanceId(r.InstanceId) ?? InternalRequests.CheckStreamUrl(r.StreamUrl) ?? InternalRequests.CheckBoot(r.Boot),
            http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        var announcement = await registry.AnnounceAsync(request.InstanceId, request.StreamUrl, request.Boot, http.RequestAborted);
        if (announcement.NewEra)
        {
            // Rooms of the instance's earlier eras (it restarted, or comes back after an eviction) move on their next join.
            await eviction.RetireEarlierErasAsync(request.InstanceId, announcement.Era, http.RequestAborted);
        }

        return TypedResults.Ok(new PutTaskResponse(announcement.Era));
    }

    private static async Task<Results<Ok, ProblemHttpResult>> DrainInstanceAsync(
        InstanceRegistry registry, RouterMetrics metrics, ILogger<InstanceRegistry> logger, HttpContext http)
    {
        var (request, problem) = await InternalRequests.ReadAsync(
            http.Request,
            (DrainInstanceRequest r) => InternalRequests.CheckInstanceId(r.InstanceId) ?? InternalRequests.CheckBoot(r.Boot),
            http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        if (await registry.DrainAsync(request.InstanceId, request.Boot, http.RequestAborted))
        {
            metrics.Draining();
            RouterLog.InstanceDraining(logger, request.InstanceId);
        }

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
            http.Request,
            (EvictInstanceRequest r) => InternalRequests.CheckInstanceId(r.InstanceId) ?? InternalRequests.CheckBoot(r.Boot),
            http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        var rooms = await eviction.EvictAsync(request.InstanceId, request.Boot, http.RequestAborted);
        return TypedResults.Ok(new EvictionReport(request.InstanceId, rooms));
    }

    private static async Task<Ok<InstanceList>> ListInstancesAsync(InstanceRegistry registry, HttpContext http)
    {
        var instances = await registry.ReadNowAsync(http.RequestAborted);
        return TypedResults.Ok(new InstanceList(
            instances.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => new RegisteredInstance(i.Key, i.Value.Url)).ToList()));
    }
}
