namespace AvatarStream.Recorder.Core;

// The finished file.
public sealed record RecordingResult(string Path, TimeSpan Duration, long SizeBytes);
