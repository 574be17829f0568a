using AvatarStream.Contracts;

namespace AvatarStream.RoomRouter.Recordings;

// The recorder service, by service invocation to app-id recorder.
public interface IRecorderClient
{
    // Asks the recorder to record a room.
    public Task<RecorderAnswer> StartAsync(StartRecordingRequest request, CancellationToken cancellationToken);

    // Asks it to stop a recording (it then writes the file and reports it). False when it could not be asked.
    public Task<bool> StopAsync(string recordingId, CancellationToken cancellationToken);

    // What the recorder knows of a recording (RecordingStates), or null when it knows nothing or cannot be reached.
    public Task<string?> StateAsync(string recordingId, CancellationToken cancellationToken);
}

public enum RecorderAnswer
{
    Started,

    // Every recorder is at its limit of recordings at once.
    Busy,

    // Unreachable, an error, or too slow.
    Failed,
}
