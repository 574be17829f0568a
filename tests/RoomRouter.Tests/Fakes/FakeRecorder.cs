using System.Collections.Concurrent;
using AvatarStream.Contracts;
using AvatarStream.RoomRouter.Recordings;

namespace AvatarStream.RoomRouter.Tests.Fakes;

// A recorder that answers as told and remembers what it was asked; recording files kept in memory; a mailbox.
public sealed class FakeRecorder : IRecorderClient, IRecordingFiles, IRecordingMail
{
    public RecorderAnswer Answer { get; set; } = RecorderAnswer.Started;

    public ConcurrentQueue<StartRecordingRequest> Started { get; } = new();

    public ConcurrentQueue<string> Stopped { get; } = new();

    // What StateAsync answers per recording id; absent: the recorder knows nothing of it.
    public ConcurrentDictionary<string, string> States { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string To, string Subject, string Body)> Mailed { get; } = new();

    public Task<bool> SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken)
    {
        Mailed.Enqueue((to, subject, htmlBody));
        return Task.FromResult(true);
    }

    public Task<RecorderAnswer> StartAsync(StartRecordingRequest request, CancellationToken cancellationToken)
    {
        if (Answer is RecorderAnswer.Started)
        {
            Started.Enqueue(request);
            States[request.RecordingId] = RecordingStates.Recording;
        }

        return Task.FromResult(Answer);
    }

    public Task<bool> StopAsync(string recordingId, CancellationToken cancellationToken)
    {
        Stopped.Enqueue(recordingId);
        return Task.FromResult(true);
    }

    public Task<string?> StateAsync(string recordingId, CancellationToken cancellationToken) =>
        Task.FromResult(States.TryGetValue(recordingId, out var state) ? state : null);

    public Task<byte[]?> ReadAsync(string fileName, long size, CancellationToken cancellationToken) =>
        Task.FromResult(Files.TryGetValue(fileName, out var bytes) && bytes.Length == size ? bytes : null);
}
