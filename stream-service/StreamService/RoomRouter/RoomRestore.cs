using Microsoft.Extensions.Options;

namespace AvatarStream.StreamService.RoomRouter;

// Whether the clients of the rooms this instance hosted before a restart are seated again. A socket presenting
// a pair the instance does not know yet waits for that (up to RestoreWait) rather than being refused while the
// list is on its way.
internal sealed class RoomRestore(IOptions<StreamOptions> options, TimeProvider time)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsDone => _done.Task.IsCompleted;

    public void Complete() => _done.TrySetResult();

    // Returns once the restore is done or the wait is over, whichever comes first.
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _done.Task.WaitAsync(options.Value.RestoreWait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
    }
}
