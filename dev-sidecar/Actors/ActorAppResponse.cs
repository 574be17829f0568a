namespace AvatarStream.DevSidecar.Actors;

// The app's complete answer to one actor turn, read in full before the turn ends.
public sealed record ActorAppResponse(int Status, IReadOnlyList<KeyValuePair<string, string[]>> Headers, byte[] Body)
{
    public const string ReminderCancelHeader = "X-DaprReminderCancel";

    // The app asked to stop a recurring reminder or timer (dapr-contract §5.3).
    public bool CancelsReminder => Headers.Any(h =>
        string.Equals(h.Key, ReminderCancelHeader, StringComparison.OrdinalIgnoreCase)
        && h.Value.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)));
}
