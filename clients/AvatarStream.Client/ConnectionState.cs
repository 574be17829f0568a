namespace AvatarStream.Client;

// Connecting -> (Waiting ->) Live -> Reconnecting -> Live ... -> Closed. Closed is final.
public enum ConnectionState
{
    // The socket is open; no welcome yet.
    Connecting,

    // Held in the lobby: only ping may be sent until a host admits this member (then welcome, Live).
    Waiting,

    // Welcomed (or resumed): a member of the room.
    Live,

    // The socket went away; reconnecting with the resume credentials.
    Reconnecting,

    Closed,
}
