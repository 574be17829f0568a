using System.Collections.Concurrent;
using AvatarStream.Contracts;
using Microsoft.Extensions.Options;

namespace AvatarStream.Recorder;

// The recordings this process runs, at most Recorder:MaxRecordings at once. Each runs in the background from its start
// to its report; the room router asks for a stop or a state by recording id.
internal sealed class RecordingSessions(
    IOptions<RecorderOptions> options,
    IRecordingStorage storage,
    IRouterReports router,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ConcurrentDictionary<string, RecordingSession> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _finishing = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public int Running => _running.Count;

    // Starts a recording; false when this process is at its limit. A repeated start of one id is the same recording.
    public bool TryStart(StartRecordingRequest request)
    {
        lock (_gate)
        {
            if (_running.ContainsKey(request.RecordingId))
            {
                return true;
            }

            if (_running.Count >= options.Value.MaxRecordings)
            {
                RecorderLog.Full(loggers.CreateLogger<RecordingSessions>(), request.RoomId, _running.Count);
                return false;
            }

            var session = new RecordingSession(request, options.Value, storage, router, time, loggers);
            _running[request.RecordingId] = session;
            _ = RunThenForgetAsync(session);
            return true;
        }
    }

    public bool Stop(string recordingId)
    {
        if (!_running.TryGetValue(recordingId, out var session))
        {
            return false;
        }

        session.Stop();
        return true;
    }

    public string? StateOf(string recordingId) => _running.TryGetValue(recordingId, out var session) ? session.State : null;

    // Stops every recording and waits for their files (host shutdown): a recording cut short is still a recording.
    public Task StopAllAsync()
    {
        foreach (var session in _running.Values)
        {
            session.Stop();
        }

        return Task.WhenAll(_finishing.Values);
    }

    private async Task RunThenForgetAsync(RecordingSession session)
    {
        var run = Task.Run(session.RunAsync);
        _finishing[session.RecordingId] = run;
        try
        {
            await run;
        }
        finally
        {
            _running.TryRemove(session.RecordingId, out _);
            _finishing.TryRemove(session.RecordingId, out _);
        }
    }
}
