using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Rooms;
using AvatarStream.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.RoomRouter.Endpoints;

// Every error answer of the router as a problem with a stable type.
internal static class RoomProblems
{
    public static Results<Ok<RoomTicket>, ProblemHttpResult> ToResult(RoomOutcome outcome, HttpContext http, TimeSpan retryAfter) =>
        outcome.Failure switch
        {
            RoomFailure.None when outcome.Ticket is { } ticket => TypedResults.Ok(ticket),
            RoomFailure.RoomNotFound => Problem(StatusCodes.Status404NotFound, RouterProblemTypes.RoomNotFound, "Room not found", "No room has this id."),
            RoomFailure.RoomGone => Problem(StatusCodes.Status410Gone, RouterProblemTypes.RoomGone, "Room gone", "The room is no longer valid: its stream instance stopped."),
            RoomFailure.RoomEnded => Problem(StatusCodes.Status410Gone, RouterProblemTypes.RoomEnded, "Room ended", "The room's host ended it."),
            RoomFailure.Barred => Problem(StatusCodes.Status403Forbidden, RouterProblemTypes.Barred, "Barred", "A host removed this client from the room or denied it entry; it cannot join again."),
            RoomFailure.WrongJoinKey => Problem(StatusCodes.Status403Forbidden, RouterProblemTypes.WrongJoinKey, "Wrong join key", "This is not the room's join key. Without a key, a join waits in the lobby for a host."),
            RoomFailure.JoinWindowClosed => Problem(StatusCodes.Status403Forbidden, RouterProblemTypes.JoinWindowClosed, "Join window closed", "The room takes no new members any more; only members holding a seat can rejoin."),
            RoomFailure.TooManyRooms => Throttled(http, retryAfter, RouterProblemTypes.TooManyRooms, "Too many rooms", "The room limit is reached; try again later."),
            RoomFailure.RoomFull => Throttled(http, retryAfter, RouterProblemTypes.RoomFull, "Room full", "The room is at its client limit; try again later."),
            _ => Throttled(http, retryAfter, RouterProblemTypes.NoStreamInstance, "No stream instance", "No stream instance is available; try again later.", StatusCodes.Status503ServiceUnavailable),
        };

    public static ProblemHttpResult BadRequest(string detail) =>
        Problem(StatusCodes.Status400BadRequest, ProblemTypes.BadRequest, "Bad request", detail);

    public static ProblemHttpResult PayloadTooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "Payload too large", $"The body must be at most {maxBytes} bytes.");

    public static ProblemHttpResult RouterBusy(HttpContext http, TimeSpan retryAfter) =>
        Throttled(http, retryAfter, RouterProblemTypes.RouterBusy, "Router busy", "Too many requests are waiting; try again later.", StatusCodes.Status503ServiceUnavailable);

    private static ProblemHttpResult Throttled(HttpContext http, TimeSpan retryAfter, string type, string title, string detail, int status = StatusCodes.Status429TooManyRequests)
    {
        RateLimitProblem.SetRetryAfter(http, retryAfter);
        return Problem(status, type, title, detail);
    }

    public static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);
}
