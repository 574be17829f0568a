namespace AvatarStream.Client;

// What a reconnect presents to keep the seat: the session and secret of the last welcome (the secret as rotated by
// the last resumed) and the seq of the last event seen. Serialized as {"session", "secret", "last_seq"}.
public sealed record ResumeToken(string Session, string Secret, long LastSeq);
