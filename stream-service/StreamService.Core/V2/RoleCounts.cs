namespace AvatarStream.StreamService.Core.V2;

// What one room last added to the members-by-role gauge, so each change reports only the difference.
internal sealed class RoleCounts
{
    private int _hosts;
    private int _guests;
    private int _waiting;

    public void Report(RelayMetrics metrics, int hosts, int guests, int waiting)
    {
        metrics.MembersChanged(hosts - _hosts, guests - _guests, waiting - _waiting);
        (_hosts, _guests, _waiting) = (hosts, guests, waiting);
    }
}
