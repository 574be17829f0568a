using AvatarStream.Contracts;

namespace AvatarStream.StreamService.Core.V2;

// An identity in a room. Everything but Route is guarded by the room's lock; Route and Number are read by the
// member's receive loop without it.
internal sealed class Member(string clientId, int number, MemberProfile profile, ControlBudget budget, ControlBudget offences)
{
    private MediaRoute _route = MediaRoute.Nobody;

    public string ClientId => clientId;

    public int Number => number;

    public string Name { get; set; } = profile.Name;

    public bool IsHost { get; set; } = profile.IsHost;

    // It joined without the room's key: it knocks even when the room is not locked.
    public bool MustKnock { get; set; } = profile.MustKnock;

    // The recorder's hidden seat: fixed by the first connection, since the router never gives its client id another role.
    public bool IsRecorder { get; } = profile.IsRecorder;

    public string Role => IsRecorder ? RoomRoles.Recorder : IsHost ? RoomRoles.Host : RoomRoles.Guest;

    public MemberState State { get; set; } = MemberState.Waiting;

    public bool IsAdmitted => State is MemberState.Connected or MemberState.Reconnecting;

    // The order of admission, for the host handover.
    public long AdmittedOrder { get; set; }

    public IMemberLink? Link { get; set; }

    // The raw JSON object of set_meta.
    public byte[] Meta { get; set; } = "{}"u8.ToArray();

    // The last seq sent to this member, and the events kept for its resume.
    public long Seq { get; set; }

    public EventLog Events { get; } = new(ProtocolLimits.EventsKept);

    public string Session { get; set; } = string.Empty;

    public string Secret { get; set; } = string.Empty;

    public ITimer? GraceTimer { get; set; }

    public ITimer? KnockTimer { get; set; }

    public long KnockedAt { get; set; }

    public Subscription Subscription { get; set; } = Subscription.Default;

    // The layers_wanted last sent, as a bit set; -1 before the first.
    public int LayersWantedSent { get; set; } = -1;

    public ControlBudget Budget => budget;

    public ControlBudget Offences => offences;

    public MediaRoute Route
    {
        get => Volatile.Read(ref _route);
        set => Volatile.Write(ref _route, value);
    }

    public void StopTimers()
    {
        GraceTimer?.Dispose();
        GraceTimer = null;
        KnockTimer?.Dispose();
        KnockTimer = null;
    }
}
