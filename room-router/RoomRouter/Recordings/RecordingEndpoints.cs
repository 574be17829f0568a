using System.Net;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Endpoints;
using AvatarStream.RoomRouter.Rooms;
using AvatarStream.RoomRouter.Web;
using AvatarStream.ServiceDefaults.InternalAuth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AvatarStream.RoomRouter.Recordings;

// Recordings over HTTP: the internal calls of stream instances (a member's record) and of the recorder (a finished
// file); a recipient's list of links; and, only through a signed link, a recording's watch page and its file, with
// range requests so that a player can seek.
internal static class RecordingEndpoints
{
    public static IEndpointRouteBuilder MapRecordings(this IEndpointRouteBuilder app)
    {
        var calls = app.MapGroup(string.Empty)
            .WithTags("Internal")
            .AddEndpointFilter<InternalTokenFilter>()
            .AddEndpointFilter<BodySizeFilter>();
        calls.MapPost(InternalRoutes.RecordRoom, RecordRoomAsync)
            .WithSummary("A member's record {on}, from its stream instance: start, join the recipients of, or stop the room's recording.");
        calls.MapPost(InternalRoutes.RecordingFinished, FinishedAsync)
            .WithSummary("The recorder reports a recording that ended: its file is stored (ready) or there is none (failed).");

        app.MapPost("/recording-links", LinksAsync)
            .WithTags("Recordings")
            .AddEndpointFilter<OriginFilter>()
            .AddEndpointFilter<BodySizeFilter>()
            .RequireAddressLimit(AddressLimit.JoinRoom)
            .WithSummary("The recordings of a room that this client_id asked for, with a fresh signed link for each one ready. Body {room_id, client_id}.");
        app.MapGet("/recordings/{id}", WatchPageAsync).ExcludeFromDescription();
        app.MapGet("/recordings/{id}/file", FileAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<RecordRoomResponse>, ProblemHttpResult>> RecordRoomAsync(RoomRecordings recordings, HttpContext http)
    {
        var (request, problem) = await InternalRequests.ReadAsync(
            http.Request,
            (RecordRoomRequest r) => InternalRequests.CheckRoomId(r.RoomId) ?? InternalRequests.CheckClientId(r.ClientId)
                ?? (r.Email is null || EmailAddresses.IsPlausible(r.Email) ? null : "email must be an e-mail address."),
            http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        RoomId.TryParse(request.RoomId, out var roomId);
        ClientIds.TryNormalize(request.ClientId, out var clientId);
        return TypedResults.Ok(await recordings.RecordAsync(roomId, clientId, request.On, request.Email, http.RequestAborted));
    }

    private static async Task<Results<Ok, ProblemHttpResult>> FinishedAsync(RoomRecordings recordings, HttpContext http)
    {
        var (request, problem) = await InternalRequests.ReadAsync(
            http.Request,
            (RecordingFinishedRequest r) => InternalRequests.CheckRoomId(r.RoomId)
                ?? (r.State is RecordingStates.Ready or RecordingStates.Failed ? null : "state must be \"ready\" or \"failed\"."),
            http.RequestAborted);
        if (request is null)
        {
            return problem!;
        }

        await recordings.FinishedAsync(request, http.RequestAborted);
        return TypedResults.Ok();
    }

    private static async Task<Results<Ok<IReadOnlyList<RecordingSummary>>, ProblemHttpResult>> LinksAsync(RoomRecordings recordings, HttpContext http)
    {
        var (body, problem) = await JsonBody.ReadAsync(http.Request, http.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        if (JoinRoomBody.Read(body, out var error) is not { } asked)
        {
            return RoomProblems.BadRequest(error);
        }

        if (asked.ClientId is not { } clientId)
        {
            return RoomProblems.BadRequest("client_id is required: the client id of the member who asked for the recording.");
        }

        return TypedResults.Ok(await recordings.OfRecipientAsync(asked.Room, clientId, http.RequestAborted));
    }

    private static async Task<IResult> WatchPageAsync(
        string id, [FromQuery] string? exp, [FromQuery] string? sig, RecordingLinks links, RecordingStore store, HttpContext http)
    {
        if (await RefusalAsync(id, exp, sig, links, http) is { } refused)
        {
            return refused;
        }

        if (await store.GetAsync(id, http.RequestAborted) is not { State: RecordingStates.Ready } recording)
        {
            return NotReady();
        }

        PageHeaders.Apply(http.Response.Headers);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(WatchPage.Html(recording, $"/recordings/{id}/file?exp={exp}&sig={sig}"), "text/html; charset=utf-8");
    }

    private static async Task<IResult> FileAsync(
        string id, [FromQuery] string? exp, [FromQuery] string? sig, RecordingLinks links, RecordingStore store, IRecordingFiles files, HttpContext http)
    {
        if (await RefusalAsync(id, exp, sig, links, http) is { } refused)
        {
            return refused;
        }

        if (await store.GetAsync(id, http.RequestAborted) is not { State: RecordingStates.Ready, FileName: { } fileName } recording
            || await files.ReadAsync(fileName, recording.Size, http.RequestAborted) is not { } bytes)
        {
            return NotReady();
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(bytes, "video/webm", fileDownloadName: null, enableRangeProcessing: true);
    }

    // The problem to answer for a link that is not signed right or expired; null for a good link.
    private static async Task<IResult?> RefusalAsync(string id, string? exp, string? sig, RecordingLinks links, HttpContext http) =>
        await links.CheckAsync(id, exp, sig, http.RequestAborted) switch
        {
            LinkCheck.Valid => null,
            LinkCheck.Expired => RoomProblems.Problem((int)HttpStatusCode.Gone, RouterProblemTypes.RecordingLinkExpired, "Link expired", "This recording link has expired; ask for a new one."),
            _ => RoomProblems.Problem((int)HttpStatusCode.Forbidden, RouterProblemTypes.RecordingLinkInvalid, "Invalid link", "This is not a valid recording link."),
        };

    private static ProblemHttpResult NotReady() =>
        RoomProblems.Problem((int)HttpStatusCode.NotFound, RouterProblemTypes.RecordingNotReady, "No recording", "This recording has no file (it failed, or is not written yet).");
}
