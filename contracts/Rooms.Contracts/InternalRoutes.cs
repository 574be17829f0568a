namespace AvatarStream.Contracts;

/// <summary>Paths of the internal calls between the services (Dapr service invocation, internal token required).</summary>
public static class InternalRoutes
{
    /// <summary>On a stream instance: the room router admits a client (<see cref="RegisterRequest"/>).</summary>
    public const string Register = "/register";

    /// <summary>On the room router: a stream instance announces itself (<see cref="PutTaskRequest"/>).</summary>
    public const string PutTask = "/put-task";

    /// <summary>On the room router: a client left a stream instance (<see cref="RemoveClientRequest"/>).</summary>
    public const string RemoveClient = "/remove-client";

    /// <summary>On the room router: a host ended a room (<see cref="EndRoomRequest"/>); join-room then answers 410.</summary>
    public const string EndRoom = "/end-room";

    /// <summary>On the room router: drop a dead instance with its rooms and clients (<see cref="EvictInstanceRequest"/>).</summary>
    public const string EvictInstance = "/evict-instance";

    /// <summary>On the room router: the registered instances (<see cref="InstanceList"/>).</summary>
    public const string Instances = "/instances";

    /// <summary>On a stream instance: the room router places a moved room with its seats (<see cref="PlaceRoomRequest"/>).</summary>
    public const string PlaceRoom = "/place-room";

    /// <summary>On the room router: a stopping instance takes itself out of placement (<see cref="DrainInstanceRequest"/>).</summary>
    public const string DrainInstance = "/drain-instance";

    /// <summary>On a stream instance: drain it without stopping the process (<see cref="DrainReport"/>): operators and tests.</summary>
    public const string Drain = "/drain";

    /// <summary>On the room router: a member's <c>record</c>, from its stream instance (<see cref="RecordRoomRequest"/>).</summary>
    public const string RecordRoom = "/record-room";

    /// <summary>On the room router: the recorder reports a recording that ended (<see cref="RecordingFinishedRequest"/>).</summary>
    public const string RecordingFinished = "/recording-finished";

    /// <summary>On a stream instance: send a message to some members of a room (<see cref="NotifyRequest"/>).</summary>
    public const string Notify = "/notify";

    /// <summary>On the recorder: start recording a room (<see cref="StartRecordingRequest"/>); 503 when it has no room for another.</summary>
    public const string Recordings = "/recordings";

    /// <summary>On the recorder: stop a recording (its file is then written and reported).</summary>
    public static string StopRecording(string recordingId) => $"/recordings/{Uri.EscapeDataString(recordingId)}/stop";

    /// <summary>On the recorder: what it knows of a recording (<see cref="RecordingStatus"/>); 404 when nothing.</summary>
    public static string Recording(string recordingId) => $"/recordings/{Uri.EscapeDataString(recordingId)}";

    /// <summary>On every app: liveness, answered with 200 <c>Healthy.</c>.</summary>
    public const string Health = "/health";
}
