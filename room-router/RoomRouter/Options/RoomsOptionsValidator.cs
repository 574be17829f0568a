using Microsoft.Extensions.Options;

namespace AvatarStream.RoomRouter.Options;

// Rules that tie several settings together; reports every broken rule at once.
internal sealed class RoomsOptionsValidator : IValidateOptions<RoomsOptions>
{
    public ValidateOptionsResult Validate(string? name, RoomsOptions options)
    {
        var failures = new List<string>();

        // A create holds its pending row across one /register call and an actor call; the row must outlive them
        // with room to spare, or the repair could settle it while the create is still going.
        if (options.ReservationTtl < options.RegisterTimeout * 3)
        {
            failures.Add(
                $"Rooms:ReservationTtl ({options.ReservationTtl}) must be at least 3 x Rooms:RegisterTimeout ({options.RegisterTimeout}).");
        }

        if (options.RepairInterval < options.ViewRefreshInterval)
        {
            failures.Add(
                $"Rooms:RepairInterval ({options.RepairInterval}) must not be shorter than Rooms:ViewRefreshInterval ({options.ViewRefreshInterval}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
