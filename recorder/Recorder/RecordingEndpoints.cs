using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.ServiceDefaults;
using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AvatarStream.Recorder;

// The recorder's internal API, called by the room router through Dapr with the internal token.
internal static class RecordingEndpoints
{
    public static IEndpointRouteBuilder MapRecordings(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup(string.Empty).AddEndpointFilter<InternalTokenFilter>().ExcludeFromDescription();
        calls.MapPost(InternalRoutes.Recordings, StartAsync);
        calls.MapPost("/recordings/{id}/stop", (string id, RecordingSessions sessions) =>
            sessions.Stop(id) ? Results.Ok() : UnknownRecording());
        calls.MapGet("/recordings/{id}", (string id, RecordingSessions sessions) =>
            sessions.StateOf(id) is { } state ? Results.Ok(new RecordingStatus(id, state)) : UnknownRecording());
        return app;
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> StartAsync(HttpContext http, RecordingSessions sessions)
    {
        StartRecordingRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<StartRecordingRequest>(http.Request.Body, ContractJson.Options, http.RequestAborted);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null || !Identifiers.IsRoomId(request.RoomId) || !Identifiers.IsClientId(request.ClientId)
            || string.IsNullOrEmpty(request.RecordingId) || request.RecordingId.Length > 64 || !request.RecordingId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            || !Uri.TryCreate(request.StreamUrl, UriKind.Absolute, out _) || string.IsNullOrEmpty(request.Ticket) || request.MaxDurationSeconds <= 0)
        {
            return TypedResults.Problem(
                "The body must be {recording_id, room_id, stream_url, ticket, client_id, max_duration_seconds}.",
                statusCode: StatusCodes.Status400BadRequest,
                type: ProblemTypes.BadRequest);
        }

        return sessions.TryStart(request)
            ? TypedResults.Accepted(InternalRoutes.Recording(request.RecordingId))
            : TypedResults.Problem("This recorder records as many rooms as it takes.", statusCode: StatusCodes.Status503ServiceUnavailable, type: ProblemTypes.Base + "recorder-full");
    }

    private static IResult UnknownRecording() =>
        TypedResults.Problem("This recorder has no such recording running.", statusCode: StatusCodes.Status404NotFound, type: ProblemTypes.NotFound);
}
