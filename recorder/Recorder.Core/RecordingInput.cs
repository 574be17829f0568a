namespace AvatarStream.Recorder.Core;

// Something a caller handed in, stamped with its arrival in recording time, waiting for the background tick.
internal readonly record struct RecordingInput(RecordingInputKind Kind, int Member, TimeSpan At, byte[]? Payload = null,
    string? Name = null);

internal enum RecordingInputKind
{
    Joined,
    Left,
    Video,
    Audio,
}
