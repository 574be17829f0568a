using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Options;
using AvatarStream.RoomRouter.Rooms;
using AvatarStream.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Endpoints;

// The public API browsers call: create a room, join one.
internal static class RoomEndpoints
{
    public static IEndpointRouteBuilder MapRoomApi(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup(string.Empty)
            .WithTags("Rooms")
            .AddEndpointFilter<OriginFilter>()
            .AddEndpointFilter<BodySizeFilter>()
            .RequireRateLimiting(RequestConcurrencyLimit.Policy)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        rooms.MapPost("/create-room", CreateRoomAsync)
            .WithName("CreateRoom")
            .RequireAddressLimit(AddressLimit.CreateRoom)
            .WithSummary("Creates a room on the stream instance with the fewest rooms; the caller becomes its host. The body is optional.")
            // Read as JSON whatever its declared type, since a create without options may come with any (curl -d ''
            // sends a form type); declaring JSON alone would turn those into 415s.
            .Accepts<CreateRoomBody>(isOptional: true, "application/json", "*/*")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        rooms.MapPost("/join-room", JoinRoomAsync)
            .WithName("JoinRoom")
            .RequireAddressLimit(AddressLimit.JoinRoom)
            .WithSummary("Joins a room by its id (\"00157\" or 157); with the client_id of a ticket still holding its seat, the same ticket comes back. "
                + "429: rate-limited, too many requests (or too many joins of unknown rooms) from this address; "
                + "403: barred (a host removed or denied this client_id) or join-window-closed (and, on both calls, origin-not-allowed: a web page of an origin not in Web:AllowedOrigins); 410: room-gone (its instance died) or room-ended (its host ended it).")
            .Accepts<JoinRoomBody>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        return app;
    }

    private static async Task<Results<Ok<RoomTicket>, ProblemHttpResult>> CreateRoomAsync(
        RoomCreation creation, RouterMetrics metrics, IOptionsMonitor<RoomsOptions> options, TimeProvider clock, HttpContext http)
    {
        var (body, problem) = await JsonBody.ReadOptionalAsync(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (CreateRoomBody.Read(body, options.CurrentValue.MaxClientsPerRoom, out var error) is not { } create)
        {
            return RoomProblems.BadRequest(error);
        }

        var outcome = await creation.CreateAsync(create.Name, create.PolicyAt(clock.GetUtcNow()), http.RequestAborted);
        metrics.Answered("create-room", outcome);
        return RoomProblems.ToResult(outcome, http, options.CurrentValue.RetryAfter);
    }

    private static async Task<Results<Ok<RoomTicket>, ProblemHttpResult>> JoinRoomAsync(
        RoomJoining joining, FailedJoinBudget failedJoins, RouterMetrics metrics, IOptionsMonitor<RoomsOptions> options, HttpContext http)
    {
        var address = ClientAddress.PartitionKey(http);
        if (failedJoins.Exhausted(address, options.CurrentValue.RetryAfter) is { } retryAfter)
        {
            metrics.RateLimited(AddressLimit.FailedJoin.Name);
            return RateLimitProblem.Result(http, retryAfter);
        }

        var (body, problem) = await JsonBody.ReadAsync(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (JoinRoomBody.Read(body, out var error) is not { } join)
        {
            return RoomProblems.BadRequest(error);
        }

        var outcome = await joining.JoinAsync(join.Room, join.ClientId, join.Name, join.Key, http.RequestAborted);
        metrics.Answered("join-room", outcome);
        if (FailedJoinBudget.Spends(outcome, heldIdentity: join.ClientId is not null))
        {
            failedJoins.Spend(address);
        }

        return RoomProblems.ToResult(outcome, http, options.CurrentValue.RetryAfter);
    }
}
