using System.Diagnostics;
using System.Net.WebSockets;

namespace AvatarStream.StreamService.Core;

// One received message in a pooled buffer, shared by every receiver it is queued for.
// Each queue holds a reference; the buffer goes back to the pool when the last send completes.
internal sealed class RelayMessage
{
    private readonly MessagePool _pool;
    private int _references;

    public RelayMessage(MessagePool pool, int sizeClass, int capacity)
    {
        _pool = pool;
        SizeClass = sizeClass;
        Buffer = GC.AllocateUninitializedArray<byte>(capacity);
    }

    public byte[] Buffer { get; }

    public int SizeClass { get; }

    public int Length { get; set; }

    public WebSocketMessageType Type { get; set; }

    public ReadOnlyMemory<byte> Payload => new(Buffer, 0, Length);

    public void Retain() => Interlocked.Increment(ref _references);

    public void Release()
    {
        var left = Interlocked.Decrement(ref _references);
        Debug.Assert(left >= 0, "released more often than retained");
        if (left == 0)
        {
            _pool.Return(this);
        }
    }

    // Called by the pool when handing the message out: the renter holds the only reference.
    public void ResetForRent()
    {
        _references = 1;
        Length = 0;
    }
}
