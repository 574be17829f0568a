using System.Text.Json;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Core.Rooms;
using AvatarStream.RoomRouter.Instances;
using AvatarStream.RoomRouter.Rooms;
using AvatarStream.RoomRouter.Streams;
using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Recordings;

// Recording a room. A member's record goes to the room's actor, which decides (start, add a recipient, stop) one
// request at a time. A start registers the recorder's hidden seat on the room's instance, signs it a ticket and asks
// the recorder to join; if that fails the actor forgets the recording and the member gets recording_unavailable. The
// recorder reports the finished file; its recipients get a signed link (recording_ready) if connected, and can ask for
// it again later. A recorder that leaves the room and does not know its recording (it died) fails the recording.
internal sealed class RoomRecordings(
    IRoomActors actors,
    RecordingStore store,
    IRecorderClient recorder,
    IRecordingMail mail,
    IStreamInstanceClient streams,
    InstanceRegistry registry,
    TicketIssuer tickets,
    RecordingLinks links,
    IOptionsMonitor<RecordingOptions> options,
    TimeProvider clock,
    ILogger<RoomRecordings> logger)
{
    public const string RecorderName = "Recorder";

    public async Task<RecordRoomResponse> RecordAsync(RoomId roomId, string clientId, bool on, string? email, CancellationToken cancellationToken)
    {
        var room = actors.Get(roomId.ToString());
        var result = await room.RecordAsync(new RecordArgs(clientId, on, RecordingStore.NewId(), ClientIds.New(), clock.GetUtcNow()));
        switch (result.Decision)
        {
            case RecordDecisions.Started:
                return await StartAsync(roomId, room, result, email, cancellationToken);
            case RecordDecisions.Joined:
                await store.UpdateAsync(result.RecordingId!, r => r with { Recipients = result.Recipients!, Emails = WithEmail(r.Emails, email) }, cancellationToken);
                return new RecordRoomResponse(Recording: true);
            case RecordDecisions.Stopped:
                RecordingLog.Stopped(logger, result.RecordingId!);
                await store.UpdateAsync(result.RecordingId!, r => r.State == RecordingStates.Recording ? r with { State = RecordingStates.Finishing } : null, cancellationToken);
                await recorder.StopAsync(result.RecordingId!, cancellationToken);
                return new RecordRoomResponse(Recording: false);
            case RecordDecisions.NotHost:
                return new RecordRoomResponse(true, ErrorCodes.NotHost, "Only a host may stop the recording.");
            case RecordDecisions.NotRecording:
                return new RecordRoomResponse(Recording: false);
            default:
                return new RecordRoomResponse(false, ErrorCodes.NotAllowed, "Only a member admitted to the room may record it.");
        }
    }

    // The recorder's report: the file is stored (ready) or there is none (failed).
    public async Task FinishedAsync(RecordingFinishedRequest report, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(report.RecordingId, cancellationToken) is not { } recording || recording.State is RecordingStates.Ready or RecordingStates.Failed)
        {
            return;
        }

        var ready = report.State == RecordingStates.Ready && report.FileName is not null;
        await store.UpdateAsync(
            report.RecordingId,
            r => r with
            {
                State = ready ? RecordingStates.Ready : RecordingStates.Failed,
                EndedAt = clock.GetUtcNow(),
                DurationSeconds = report.DurationSeconds,
                Size = report.Size,
                FileName = ready ? report.FileName : null,
                Error = ready ? null : report.Error ?? "The recorder could not write the file.",
            },
            cancellationToken);
        var room = actors.Get(recording.RoomId);
        await room.EndRecordingAsync(new RecordingArgs(RecordingId: recording.Id));
        RecordingLog.Finished(logger, recording.Id, ready ? RecordingStates.Ready : RecordingStates.Failed, report.Size, report.DurationSeconds);
        if (ready)
        {
            var stored = (await store.GetAsync(recording.Id, cancellationToken))!;
            await TellRecipientsAsync(room, stored, cancellationToken);
            await MailRecipientsAsync(stored, cancellationToken);
        }
    }

    // A seat that is not a member's left the room: when it was the recorder of a recording going on, the room no longer
    // records it, and if the recorder knows nothing of it (it died) the recording failed.
    public async Task SeatLeftAsync(RoomId roomId, string clientId, CancellationToken cancellationToken)
    {
        var ended = await actors.Get(roomId.ToString()).EndRecordingAsync(new RecordingArgs(RecorderClientId: clientId));
        if (ended.RecordingId is not { } recordingId || await recorder.StateAsync(recordingId, cancellationToken) is not null)
        {
            return;
        }

        RecordingLog.RecorderLost(logger, recordingId);
        await FinishedAsync(new RecordingFinishedRequest(recordingId, roomId.ToString(), RecordingStates.Failed, Error: "The recorder stopped before the file was written."), cancellationToken);
    }

    // The room's recordings that clientId asked for, with a fresh link for each one ready.
    public async Task<IReadOnlyList<RecordingSummary>> OfRecipientAsync(RoomId roomId, string clientId, CancellationToken cancellationToken)
    {
        var summaries = new List<RecordingSummary>();
        foreach (var recording in await store.OfRecipientAsync(roomId.ToString(), clientId, cancellationToken))
        {
            var link = recording.State == RecordingStates.Ready ? await links.CreateAsync(recording.Id, cancellationToken) : null;
            summaries.Add(new RecordingSummary(recording.Id, recording.State, recording.StartedAt, recording.DurationSeconds, link?.WatchUrl, link?.ExpiresAt));
        }

        return summaries;
    }

    private async Task<RecordRoomResponse> StartAsync(RoomId roomId, IRoomActor room, RecordResult result, string? email, CancellationToken cancellationToken)
    {
        var id = roomId.ToString();
        var recordingId = result.RecordingId!;
        await store.AddAsync(new RecordingDocument(recordingId, id, RecordingStates.Recording, clock.GetUtcNow(), result.Recipients!, Emails: WithEmail(null, email)), cancellationToken);
        var failure = await AskRecorderAsync(id, result, cancellationToken);
        if (failure is null)
        {
            RecordingLog.Started(logger, recordingId, id);
            return new RecordRoomResponse(Recording: true);
        }

        RecordingLog.StartFailed(logger, id, failure);
        await room.EndRecordingAsync(new RecordingArgs(RecordingId: recordingId));
        await store.UpdateAsync(recordingId, r => r with { State = RecordingStates.Failed, EndedAt = clock.GetUtcNow(), Error = failure }, cancellationToken);
        return new RecordRoomResponse(false, ErrorCodes.RecordingUnavailable, failure);
    }

    // Seats the recorder on the room's instance and asks it to join; why not, or null when it was asked.
    private async Task<string?> AskRecorderAsync(string roomId, RecordResult result, CancellationToken cancellationToken)
    {
        if ((await registry.LiveAsync(cancellationToken)).GetValueOrDefault(result.InstanceId!) is not { } instance || !instance.Hosts(result.Era))
        {
            return "The room is moving to another stream instance; try again in a moment.";
        }

        var recorderClientId = result.RecorderClientId!;
        var seat = new RegisterRequest(roomId, recorderClientId, RoomRoles.Recorder, RecorderName, result.Settings, Era: result.Era);
        if (await streams.RegisterAsync(result.InstanceId!, seat, cancellationToken) is not SeatingResult.Seated)
        {
            return "The room's stream instance did not take the recorder.";
        }

        var ticket = tickets.Issue(await tickets.SigningKeyAsync(cancellationToken), roomId, recorderClientId, RoomRoles.Recorder, result.InstanceId!);
        var start = new StartRecordingRequest(result.RecordingId!, roomId, instance.Url, ticket, recorderClientId, (int)options.CurrentValue.MaxDuration.TotalSeconds);
        return await recorder.StartAsync(start, cancellationToken) switch
        {
            RecorderAnswer.Started => null,
            RecorderAnswer.Busy => "No recorder has room for another recording now; try again later.",
            _ => "The recorder could not be reached; try again later.",
        };
    }

    private async Task TellRecipientsAsync(IRoomActor room, RecordingDocument recording, CancellationToken cancellationToken)
    {
        if ((await room.GetPlacementAsync()).InstanceId is not { } instanceId)
        {
            return; // the room is over: its recipients ask for their links (POST /recording-links)
        }

        var link = await links.CreateAsync(recording.Id, cancellationToken);
        var message = JsonSerializer.SerializeToElement(
            new RecordingReadyMessage("recording_ready", recording.Id, link.WatchUrl, link.ExpiresAt), ContractJson.Options);
        await streams.NotifyAsync(instanceId, new NotifyRequest(recording.RoomId, recording.Recipients, message), cancellationToken);
    }

    // Mails the link to every address given with a request; a failing mail server costs the others nothing.
    private async Task MailRecipientsAsync(RecordingDocument recording, CancellationToken cancellationToken)
    {
        if (recording.Emails is not { Count: > 0 } emails)
        {
            return;
        }

        var link = await links.CreateAsync(recording.Id, cancellationToken);
        var url = new Uri(new Uri(options.CurrentValue.PublicUrl), link.WatchUrl);
        foreach (var address in emails)
        {
            await mail.SendAsync(address, RecordingMail.Subject(recording), RecordingMail.Body(recording, url, link.ExpiresAt), cancellationToken);
        }
    }

    private static IReadOnlyList<string>? WithEmail(IReadOnlyList<string>? emails, string? email) =>
        email is null || emails?.Contains(email, StringComparer.OrdinalIgnoreCase) == true ? emails : [.. emails ?? [], email];

    private sealed record RecordingReadyMessage(string Type, string Recording, string Url, DateTimeOffset ExpiresAt);
}

// One recording as its recipient sees it: no recipients, no file name.
internal sealed record RecordingSummary(string Recording, string State, DateTimeOffset StartedAt, double DurationSeconds, string? Url, DateTimeOffset? ExpiresAt);
