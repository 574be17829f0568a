using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using AvatarStream.Contracts;

namespace AvatarStream.StreamService.Core.V2;

// A v2 room as a plain state machine: members and their numbers, roles, names, meta and states, the lobby
// and its knocks, bans, admitted identities, subscriptions, and each member's event counter and recent events.
// One lock guards it all; sockets are IMemberLinks that only queue. Time comes from the TimeProvider.
internal sealed partial class RoomState
{
    private readonly Lock _gate = new();
    private readonly string _roomId;
    private readonly RoomSetup _setup;
    private readonly RelayOptions _options;
    private readonly TimeProvider _time;
    private readonly RelayMetrics _metrics;
    private readonly IRoomStateListener _listener;
    private readonly Dictionary<string, Member> _byClient = new(StringComparer.Ordinal);
    private readonly List<Member> _members = [];
    private readonly HashSet<string> _admitted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _barred = new(StringComparer.Ordinal);
    private readonly MessageWriter _writer = new();
    private readonly List<(string ClientId, DepartureReason? Reason)> _pending = [];
    private readonly List<(string ClientId, bool On, string? Email, JsonElement? Id)> _recordRequests = [];
    private readonly RoleCounts _counted = new();
    private bool _locked;
    private bool _ended;
    private bool _stopped;
    private bool _hostPresentAnnounced;
    private bool _hadHost;
    private bool _changed;

    // Whether the last room_updated (or none: false) said a recorder is connected.
    private bool _recording;
    private long _admissions;

    public RoomState(string roomId, RoomSetup setup, RelayOptions options, TimeProvider time, RelayMetrics metrics, IRoomStateListener listener)
    {
        _roomId = roomId;
        _setup = setup;
        _options = options;
        _time = time;
        _metrics = metrics;
        _listener = listener;
        _locked = setup.Lobby;
    }

    public string RoomId => _roomId;

    public bool IsEnded
    {
        get
        {
            lock (_gate)
            {
                return _ended;
            }
        }
    }

    public bool IsBarred(string clientId)
    {
        lock (_gate)
        {
            return _barred.Contains(clientId);
        }
    }

    // A socket of clientId arrives. Null when the identity is barred, the room ended or is out of member numbers, or for
    // a recorder, when nobody is left to record.
    public Member? Connect(string clientId, MemberProfile profile, IMemberLink link, ResumeRequest? resume)
    {
        lock (_gate)
        {
            if (_ended || _stopped || _barred.Contains(clientId) || (profile.IsRecorder && !HasPeople))
            {
                return null;
            }

            if (!_byClient.TryGetValue(clientId, out var member))
            {
                if (_members.Count >= ProtocolLimits.MaxMemberNumber)
                {
                    return null;
                }

                member = new Member(clientId, _members.Count + 1, profile, NewBudget(), NewOffenceBudget());
                member.State = MemberState.Gone;
                _byClient.Add(clientId, member);
                _members.Add(member);
            }

            member.Link?.Close(StreamProtocol.CloseCodes.Replaced, "replaced by a newer connection", CloseReason.Replaced);
            member.Link = link;
            member.GraceTimer?.Dispose();
            member.GraceTimer = null;
            switch (member.State)
            {
                case MemberState.Waiting:
                    SendWaiting(member);
                    break;
                case MemberState.Connected or MemberState.Reconnecting:
                    Reconnect(member, resume);
                    break;
                default:
                    member.Name = profile.Name;
                    member.IsHost |= profile.IsHost;
                    member.MustKnock = profile.MustKnock;
                    Enter(member);
                    break;
            }

            Settle();
            return member;
        }
    }

    // The admitted member whose last welcome or resumed gave this session and secret, if any: a resume is a credential
    // of its own, shown without a ticket. Every member is compared, in constant time, whatever matches.
    public string? FindResumable(ResumeRequest resume)
    {
        lock (_gate)
        {
            string? found = null;
            foreach (var member in _members)
            {
                var matches = FixedTimeEquals(resume.Session, member.Session) & FixedTimeEquals(resume.Secret, member.Secret);
                if (matches && member.IsAdmitted && !member.IsRecorder)
                {
                    found = member.ClientId;
                }
            }

            return found is not null && !_barred.Contains(found) && !_ended && !_stopped ? found : null;
        }
    }

    // A member's socket ended. Ignored when that socket is no longer the member's (replaced, or closed by the room).
    public void Disconnected(Member member, IMemberLink link, Departure departure)
    {
        lock (_gate)
        {
            if (_stopped || member.Link != link)
            {
                return;
            }

            member.Link = null;
            if (departure == Departure.Left)
            {
                LeaveNow(member);
            }
            else if (member.State != MemberState.Gone)
            {
                StartGrace(member);
            }

            Settle();
        }

        Flush();
    }

    // The instance is stopping: sockets close with 1001 elsewhere, and nothing is reported from here on.
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            foreach (var member in _members)
            {
                member.StopTimers();
            }

            _counted.Report(_metrics, 0, 0, 0);
        }
    }

    private void Enter(Member member)
    {
        if ((_locked || member.MustKnock) && !member.IsHost && !member.IsRecorder && !_admitted.Contains(member.ClientId))
        {
            Knock(member);
            return;
        }

        Admit(member);
    }

    private void Admit(Member member)
    {
        member.State = member.Link is null ? MemberState.Reconnecting : MemberState.Connected;
        member.AdmittedOrder = ++_admissions;
        member.LayersWantedSent = -1;
        _admitted.Add(member.ClientId);
        if (member.Link is not null)
        {
            SendWelcome(member);
        }
        else
        {
            StartGraceTimer(member);
        }

        if (member.IsRecorder)
        {
            return;
        }

        Emit(Others(member), MemberJoined(member));

        // A member entering after the last host has left takes the room over, as it would have had it been there.
        if (_hadHost)
        {
            HandOverIfHostless();
        }
    }

    private void Reconnect(Member member, ResumeRequest? resume)
    {
        var wasReconnecting = member.State == MemberState.Reconnecting;
        member.State = MemberState.Connected;
        member.LayersWantedSent = -1;
        if (resume is not null)
        {
            var recovered = TryResume(member, resume);
            _metrics.Resumed(recovered);
            if (!recovered)
            {
                SendWelcome(member);
            }
        }
        else
        {
            SendWelcome(member);
        }

        if (wasReconnecting)
        {
            Emit(Others(member), StateChanged(member));
        }
    }

    private bool TryResume(Member member, ResumeRequest resume)
    {
        if (!FixedTimeEquals(resume.Session, member.Session) || !FixedTimeEquals(resume.Secret, member.Secret) ||
            !member.Events.TryGetAfter(resume.LastSeq, out var missed))
        {
            return false;
        }

        member.Secret = NewSecret();
        SendResumed(member, missed);
        return true;
    }

    private void LeaveNow(Member member)
    {
        switch (member.State)
        {
            case MemberState.Waiting:
                EndKnock(member, LobbyOutcome.Left);
                Depart(member, DepartureReason.Left);
                break;
            case MemberState.Connected or MemberState.Reconnecting:
                Leave(member, "left", DepartureReason.Left);
                break;
        }
    }

    private void StartGrace(Member member)
    {
        // The recorder is gone with its socket: a recording with a hole is worth less than a clear end.
        if (member.IsRecorder)
        {
            Leave(member, "left", DepartureReason.Left);
            return;
        }

        if (member.State == MemberState.Connected)
        {
            member.State = MemberState.Reconnecting;
            Emit(Others(member), StateChanged(member));
        }

        StartGraceTimer(member);
    }

    private void StartGraceTimer(Member member)
    {
        member.GraceTimer?.Dispose();
        var expiry = new Expiry(this, member);
        expiry.Timer = _time.CreateTimer(static state => ((Expiry)state!).Room.ExpireGrace((Expiry)state), expiry, _options.ResumeGrace, Timeout.InfiniteTimeSpan);
        member.GraceTimer = expiry.Timer;
    }

    private void ExpireGrace(Expiry expiry)
    {
        var member = expiry.Member;
        lock (_gate)
        {
            // A timer disposed (or replaced) while its callback was already on its way is no longer this member's grace.
            if (_stopped || member.Link is not null || member.GraceTimer is null || member.GraceTimer != expiry.Timer)
            {
                return;
            }

            member.GraceTimer.Dispose();
            member.GraceTimer = null;
            switch (member.State)
            {
                case MemberState.Waiting:
                    EndKnock(member, LobbyOutcome.Left);
                    Depart(member, DepartureReason.Left);
                    break;
                case MemberState.Reconnecting:
                    Leave(member, "timeout", DepartureReason.Left);
                    break;
            }

            Settle();
        }

        Flush();
    }

    // An admitted member leaves for good: the others see member_left (never about the hidden recorder); a host's leaving
    // may hand the room over.
    private void Leave(Member member, string reason, DepartureReason departure)
    {
        Depart(member, departure);
        if (member.IsRecorder)
        {
            return;
        }

        Emit(Others(member), MemberLeft(member, reason));
        HandOverIfHostless();
    }

    private void Depart(Member member, DepartureReason reason)
    {
        member.State = MemberState.Gone;
        member.StopTimers();
        member.Route = MediaRoute.Nobody;
        _pending.Add((member.ClientId, reason));
    }

    // Closes a member's socket on the room's behalf; the socket's end is then no departure of its own.
    private static void CloseLink(Member member, WebSocketCloseStatus status, string description, CloseReason reason)
    {
        var link = member.Link;
        member.Link = null;
        link?.Close(status, description, reason);
    }

    private void EndLocked(string reason)
    {
        if (_ended || _stopped)
        {
            return;
        }

        _ended = true;
        var ended = EncodeRoomEnded(reason);
        foreach (var member in _members)
        {
            if (member.Link is { } link)
            {
                link.SendControl(ended);
            }

            if (member.State == MemberState.Waiting)
            {
                EndKnock(member, LobbyOutcome.Left, tellHosts: false);
            }

            CloseLink(member, StreamProtocol.CloseCodes.RoomEnded, "room ended", CloseReason.RoomEnded);
            member.State = MemberState.Gone;
            member.StopTimers();
            member.Route = MediaRoute.Nobody;
        }

        _counted.Report(_metrics, 0, 0, 0);
        _pending.Add((string.Empty, null));
    }

    private void HandOverIfHostless()
    {
        if (HostPresent)
        {
            return;
        }

        Member? heir = null;
        foreach (var member in _members)
        {
            if (member.IsAdmitted && !member.IsRecorder && (heir is null || member.AdmittedOrder < heir.AdmittedOrder))
            {
                heir = member;
            }
        }

        if (heir is not null)
        {
            MakeHost(heir);
        }
    }

    private void MakeHost(Member member)
    {
        member.IsHost = true;
        Emit(Admitted(), RoleChanged(member));
        foreach (var waiting in _members)
        {
            if (waiting.State == MemberState.Waiting)
            {
                Emit([member], KnockEvent("knock", waiting));
            }
        }
    }

    private bool HostPresent
    {
        get
        {
            foreach (var member in _members)
            {
                if (member.IsHost && member.IsAdmitted)
                {
                    return true;
                }
            }

            return false;
        }
    }

    // After every change: the recorder of an empty room, routes and layers_wanted, the lobby's view of host presence,
    // whether the room is recording, the member counts.
    private void Settle()
    {
        if (_ended || _stopped)
        {
            return;
        }

        CloseRecordersIfAlone();
        RebuildRoutes();
        var hostPresent = HostPresent;
        _hadHost |= hostPresent;
        if (hostPresent != _hostPresentAnnounced)
        {
            _hostPresentAnnounced = hostPresent;
            foreach (var member in _members)
            {
                if (member.State == MemberState.Waiting)
                {
                    SendWaiting(member);
                }
            }
        }

        AnnounceRecording();
        int hosts = 0, guests = 0, waiting = 0;
        foreach (var member in _members)
        {
            if (member.IsRecorder)
            {
                continue;
            }

            if (member.State == MemberState.Waiting)
            {
                waiting++;
            }
            else if (member.IsAdmitted)
            {
                _ = member.IsHost ? hosts++ : guests++;
            }
        }

        _counted.Report(_metrics, hosts, guests, waiting);
    }

    // Tells the listener what happened, outside the lock, in order.
    private void Flush()
    {
        (string ClientId, DepartureReason? Reason)[] pending;
        (string ClientId, bool On, string? Email, JsonElement? Id)[] recordRequests;
        lock (_gate)
        {
            if (_pending.Count == 0 && _recordRequests.Count == 0)
            {
                return;
            }

            pending = [.. _pending];
            _pending.Clear();
            recordRequests = [.. _recordRequests];
            _recordRequests.Clear();
        }

        foreach (var (clientId, on, email, id) in recordRequests)
        {
            _listener.RecordRequested(clientId, on, email, id);
        }

        foreach (var (clientId, reason) in pending)
        {
            if (reason is { } departed)
            {
                _listener.MemberDeparted(clientId, departed);
            }
            else
            {
                _listener.RoomEnded();
            }
        }
    }

    private List<Member> Others(Member member) => _members.FindAll(other => other != member && other.IsAdmitted);

    private List<Member> Admitted() => _members.FindAll(member => member.IsAdmitted);

    private List<Member> Hosts() => _members.FindAll(member => member.IsHost && member.IsAdmitted);

    private ControlBudget NewBudget() => new(_options.ControlMessagesPerSecond, _options.ControlMessageBurst, _time);

    private ControlBudget NewOffenceBudget() => new(_options.BadMessagesPerMinute / 60.0, _options.BadMessagesPerMinute, _time);

    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool FixedTimeEquals(string presented, string expected) =>
        expected.Length > 0 && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(expected));

    // A timer's callback state; Timer tells the callback whether it is still the member's current timer.
    private sealed class Expiry(RoomState room, Member member)
    {
        public RoomState Room => room;

        public Member Member => member;

        public ITimer? Timer { get; set; }
    }
}
