using AvatarStream.Contracts;

namespace AvatarStream.StreamService.Core.V2;

// The lobby: a joiner that is not a host and was never admitted waits for a host's decision.
internal sealed partial class RoomState
{
    private void Knock(Member member)
    {
        member.State = MemberState.Waiting;
        member.KnockedAt = _time.GetTimestamp();
        var expiry = new Expiry(this, member);
        expiry.Timer = _time.CreateTimer(static state => ((Expiry)state!).Room.ExpireKnock((Expiry)state), expiry, _options.KnockTimeout, Timeout.InfiniteTimeSpan);
        member.KnockTimer = expiry.Timer;
        SendWaiting(member);
        Emit(Hosts(), KnockEvent("knock", member));
    }

    private void SendWaiting(Member member)
    {
        var json = _writer.Start("waiting");
        json.WriteString("room"u8, _roomId);
        json.WriteBoolean("host_present"u8, HostPresent);
        member.Link?.SendControl(_writer.Finish());
    }

    // The knock is decided or withdrawn: the hosts drop it from their list (unless the room is ending anyway).
    private void EndKnock(Member member, LobbyOutcome outcome, bool tellHosts = true)
    {
        member.KnockTimer?.Dispose();
        member.KnockTimer = null;
        _metrics.LobbyWaitEnded(outcome, _time.GetElapsedTime(member.KnockedAt));
        if (tellHosts)
        {
            Emit(Hosts(), KnockEvent("knock_cancelled", member));
        }
    }

    private void ExpireKnock(Expiry expiry)
    {
        var member = expiry.Member;
        lock (_gate)
        {
            if (_stopped || member.State != MemberState.Waiting || member.KnockTimer is null || member.KnockTimer != expiry.Timer)
            {
                return;
            }

            EndKnock(member, LobbyOutcome.TimedOut);
            CloseLink(member, StreamProtocol.CloseCodes.KnockTimedOut, "knock timed out", CloseReason.KnockTimedOut);
            Depart(member, DepartureReason.KnockTimedOut);
            Settle();
        }

        Flush();
    }

    private void AdmitWaiting(Member member)
    {
        EndKnock(member, LobbyOutcome.Admitted);
        Admit(member);
    }

    private void Deny(Member member)
    {
        EndKnock(member, LobbyOutcome.Denied);
        _barred.Add(member.ClientId);
        CloseLink(member, StreamProtocol.CloseCodes.Denied, "denied", CloseReason.Denied);
        Depart(member, DepartureReason.Denied);
    }

    private void Remove(Member member)
    {
        _barred.Add(member.ClientId);
        CloseLink(member, StreamProtocol.CloseCodes.Removed, "removed by a host", CloseReason.Removed);
        Leave(member, "removed", DepartureReason.Removed);
    }

    private void SetLocked(bool locked)
    {
        if (_locked == locked)
        {
            return;
        }

        _locked = locked;
        Emit(Admitted(), RoomUpdated());
    }
}
