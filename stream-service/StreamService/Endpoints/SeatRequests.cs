using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;
using AvatarStream.StreamService.Core.V2;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.StreamService.Endpoints;

// What /register and /place-room share: a seat's profile read from the wire, the room's setup, and their refusals.
internal static class SeatRequests
{
    // The profile of a seat, or null with why not (absent role: guest; absent name: the default).
    public static MemberProfile? Profile(string? role, string? name, bool knock, out string error)
    {
        error = string.Empty;
        if (role is not null && !RoomRoles.IsKnown(role))
        {
            error = "role must be \"host\", \"guest\" or \"recorder\".";
            return null;
        }

        var normalized = name is null ? MemberNames.Default : MemberNames.Normalize(name);
        if (normalized is null)
        {
            error = $"name must be 1 to {MemberNames.MaxLength} characters without control characters.";
            return null;
        }

        // The recorder's seat is the router's own: it never knocks.
        var recorder = role == RoomRoles.Recorder;
        return new MemberProfile(role == RoomRoles.Host, normalized, knock && !recorder, recorder);
    }

    public static RoomSetup? Setup(RoomSettings? settings) =>
        settings is null ? null : new RoomSetup(settings.Lobby, settings.JoinClosesAt);

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.BadRequest);

    public static ProblemHttpResult StalePlacement(long? era) =>
        TypedResults.Problem(
            era is null ? "This instance has no placement era yet." : $"This instance's placement era is {era}; the room was placed in another.",
            statusCode: StatusCodes.Status409Conflict,
            type: ProblemTypes.StalePlacement);

    public static ProblemHttpResult Stopping() =>
        TypedResults.Problem("This instance is draining or shutting down.", statusCode: StatusCodes.Status503ServiceUnavailable, type: ProblemTypes.InstanceStopping);
}
