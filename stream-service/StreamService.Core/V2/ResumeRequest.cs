namespace AvatarStream.StreamService.Core.V2;

// The resume part of a handshake: the session and secret of the last welcome or resumed, and the last seq seen.
public sealed record ResumeRequest(string Session, string Secret, long LastSeq);
