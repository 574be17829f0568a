namespace AvatarStream.StreamService.Core.V2;

// How a wait in the lobby ended; the outcome tag of the lobby metrics.
public enum LobbyOutcome
{
    Admitted,
    Denied,
    TimedOut,
    Left,
}
