using AvatarStream.Client;
using AvatarStream.Client.Messages;
using AvatarStream.Contracts;
using AvatarStream.Recorder.Core;

namespace AvatarStream.Recorder;

// One recording: joins the room with the recorder's ticket (a hidden seat that only receives), feeds every member's
// video and sound to the file as it arrives, and when it is stopped, reaches its longest, or the room ends, writes the
// file, stores it through the recordings binding and reports it. Any failure on the way is reported as a failed
// recording: never a broken file presented as good.
internal sealed class RecordingSession(
    StartRecordingRequest request,
    RecorderOptions options,
    IRecordingStorage storage,
    IRouterReports router,
    TimeProvider time,
    ILoggerFactory loggers)
{
    // Layer 0 (160x120) is the one every publisher always sends (docs/protocol.md, section 8).
    private const int RecordedLayer = 0;

    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger = loggers.CreateLogger<RecordingSession>();
    private volatile bool _finishing;

    public string RecordingId => request.RecordingId;

    public string State => _finishing ? RecordingStates.Finishing : RecordingStates.Recording;

    public void Stop() => _stop.Cancel();

    public async Task RunAsync()
    {
        var folder = string.IsNullOrEmpty(options.TempFolder) ? Path.GetTempPath() : options.TempFolder;
        var output = Path.Combine(folder, $"recording-{Guid.NewGuid():N}.webm");
        RecordingFinishedRequest report;
        try
        {
            report = await RecordAsync(output);
            RecorderLog.Stored(_logger, request.RecordingId, report.Size, report.DurationSeconds);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            RecorderLog.Failed(_logger, request.RecordingId, exception.GetBaseException().Message);
            report = new RecordingFinishedRequest(request.RecordingId, request.RoomId, RecordingStates.Failed, Error: FailureText(exception));
        }
        finally
        {
            File.Delete(output);
        }

        await router.ReportAsync(report, CancellationToken.None);
    }

    private async Task<RecordingFinishedRequest> RecordAsync(string output)
    {
        var settings = new RecordingSettings(output)
        {
            Width = options.Width,
            Height = options.Height,
            FramesPerSecond = options.FramesPerSecond,
            FfmpegPath = options.FfmpegPath,
            TempFolder = Path.GetDirectoryName(output)!,
        };
        await using var recording = new RoomRecording(settings, time, loggers.CreateLogger<RoomRecording>());
        var ticket = new RoomTicket(request.RoomId, request.ClientId, request.StreamUrl, RoomRoles.Recorder, [StreamProtocol.V2], request.Ticket);
        await using (var connection = await RoomConnection.ConnectAsync(ticket, new RoomConnectionOptions()))
        {
            RecorderLog.Started(_logger, request.RecordingId, request.RoomId);
            using var longest = new CancellationTokenSource(TimeSpan.FromSeconds(request.MaxDurationSeconds), time);
            using var until = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, longest.Token);
            using var mediaStop = CancellationTokenSource.CreateLinkedTokenSource(until.Token);
            var media = FeedMediaAsync(connection, recording, mediaStop.Token);
            await FollowRoomAsync(connection, recording, until.Token);
            _finishing = true;
            await mediaStop.CancelAsync();
            await media;
            await connection.CloseAsync();
        }

        using var finish = new CancellationTokenSource(options.FinishTimeout, time);
        var result = await recording.CompleteAsync(finish.Token);
        var file = await File.ReadAllBytesAsync(result.Path, finish.Token);
        var fileName = request.RecordingId + ".webm";
        await storage.StoreAsync(fileName, file, finish.Token);
        return new RecordingFinishedRequest(request.RecordingId, request.RoomId, RecordingStates.Ready, fileName, file.Length, result.Duration.TotalSeconds);
    }

    // Members come and go as the room says; returns when the room ends, the socket closes for good, or until fires.
    private static async Task FollowRoomAsync(RoomConnection connection, RoomRecording recording, CancellationToken until)
    {
        try
        {
            await foreach (var message in connection.Messages.ReadAllAsync(until))
            {
                switch (message)
                {
                    case Welcome welcome:
                        foreach (var member in welcome.Members)
                        {
                            recording.MemberJoined(member.Member, member.Name);
                        }

                        await connection.SendAsync(new Subscribe(All: true, Layer: RecordedLayer), until);
                        break;
                    case MemberJoined joined:
                        recording.MemberJoined(joined.Member, joined.Name);
                        break;
                    case MemberLeft left:
                        recording.MemberLeft(left.Member);
                        break;
                    case RoomEnded:
                        return;
                }
            }
        }
        catch (OperationCanceledException) when (until.IsCancellationRequested)
        {
            // Stopped, or at its longest.
        }
    }

    private static async Task FeedMediaAsync(RoomConnection connection, RoomRecording recording, CancellationToken until)
    {
        try
        {
            await foreach (var frame in connection.Media.ReadAllAsync(until))
            {
                if (frame.Kind == MediaKind.Video)
                {
                    recording.VideoFrame(frame.Sender, frame.Payload);
                }
                else if (frame.Kind == MediaKind.Audio)
                {
                    recording.AudioPacket(frame.Sender, frame.Payload);
                }
            }
        }
        catch (OperationCanceledException) when (until.IsCancellationRequested)
        {
            // The room is over for the recording.
        }
    }

    // What the requester may read about a failure: no paths, no tickets.
    private static string FailureText(Exception exception) => exception switch
    {
        FfmpegException ffmpeg when ffmpeg.Message.Contains("not found", StringComparison.Ordinal) => "ffmpeg is not installed on the recorder.",
        FfmpegException => "The video could not be encoded.",
        RoomConnectionException => "The recorder could not join the room.",
        Dapr.DaprException => "The recording could not be stored.",
        OperationCanceledException => "Writing the recording took too long.",
        IOException => "The recorder could not write the file (is its disk full?).",
        _ => "The recording failed.",
    };
}
