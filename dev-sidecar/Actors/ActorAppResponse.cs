namespace AvatarStream.DevSidecar.Actors;

/// <summary>The app's complete answer to one actor turn, read in full before the turn ends.</summary>
public sealed record ActorAppResponse(int Status, IReadOnlyList<KeyValuePair<string, string[]>> Headers, byte[] Body)
{
    public const string ReminderCancelHeader = "X-DaprReminderCancel";

    /// <summary>The app asked to stop a recurring reminder or timer (dapr-contract §5.3).</summary>
    public bool CancelsReminder => Headers.Any(h =>
        string.Equals(h.Key, ReminderCancelHeader, StringComparison.OrdinalIgnoreCase)
        && h.Value.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)));
}
