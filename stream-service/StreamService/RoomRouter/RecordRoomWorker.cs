using AvatarStream.Contracts;
using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.RoomRouter;

// Passes members' record requests to the room router and answers a refusal to the member who asked. Success needs no
// answer: the recorder's arrival tells the whole room (room_updated {recording: true}).
internal sealed class RecordRoomWorker(
    IRoomRouterClient router,
    RecordRequestQueue requests,
    RoomRegistry registry,
    TimeProvider time,
    ILogger<RecordRoomWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A person waits for the answer: a short bounded retry, then recording_unavailable.
        var pipeline = RouterRetry.Create(time, attempts: 2, TimeSpan.FromMilliseconds(200), e => e is not OperationCanceledException);
        try
        {
            await foreach (var request in requests.Reader.ReadAllAsync(stoppingToken))
            {
                var call = new RecordRoomRequest(request.RoomId, request.ClientId, request.On, request.Email);
                try
                {
                    var answer = await pipeline.ExecuteAsync(async token => await router.RecordRoomAsync(call, token), stoppingToken);
                    if (answer.Error is { } code)
                    {
                        registry.SendError(request.RoomId, request.ClientId, code, answer.Message ?? "the recording was refused", request.Id);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    StreamLog.RecordRoomFailed(logger, request.RoomId, ClientTag.Of(request.ClientId), exception);
                    registry.SendError(request.RoomId, request.ClientId, ErrorCodes.RecordingUnavailable, "the recording service cannot be reached; try again", request.Id);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
