namespace AvatarStream.RoomRouter.Recordings;

// A recording's metadata, in the state store under recording-{id}: the file is in the recordings binding under
// FileName once State is ready. Recipients are client ids and Emails the addresses some of them gave for the link: both
// credentials or personal data, never answered to anyone nor logged.
internal sealed record RecordingDocument(
    string Id,
    string RoomId,
    string State,
    DateTimeOffset StartedAt,
    IReadOnlyList<string> Recipients,
    DateTimeOffset? EndedAt = null,
    double DurationSeconds = 0,
    long Size = 0,
    string? FileName = null,
    string? Error = null,
    IReadOnlyList<string>? Emails = null);
