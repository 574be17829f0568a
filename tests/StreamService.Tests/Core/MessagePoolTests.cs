using AvatarStream.StreamService.Core;

namespace AvatarStream.StreamService.Tests.Core;

public sealed class MessagePoolTests
{
    [Theory]
    [InlineData(0, 1024)]
    [InlineData(1024, 1024)]
    [InlineData(1025, 2048)]
    [InlineData(65536, 65536)]
    public void RentedBufferIsTheSmallestClassThatFits(int requested, int capacity)
    {
        var pool = new MessagePool(1024 * 1024 + 1);

        Assert.Equal(capacity, pool.Rent(requested).Buffer.Length);
    }

    [Fact]
    public void SharedMessageReturnsToThePoolOnlyAfterTheLastRelease()
    {
        var pool = new MessagePool(4096);
        var message = pool.Rent(100);
        message.Retain();
        message.Retain();

        message.Release();
        message.Release();
        Assert.NotSame(message, pool.Rent(100));

        message.Release();
        Assert.Same(message, pool.Rent(100));
    }

    [Fact]
    public void GrowKeepsTheBytesReadSoFar()
    {
        var pool = new MessagePool(1024 * 1024);
        var message = pool.Rent(1024);
        message.Buffer.AsSpan().Fill(7);

        var larger = pool.Grow(message, 1024);

        Assert.Equal(2048, larger.Buffer.Length);
        Assert.True(larger.Buffer.AsSpan(0, 1024).SequenceEqual(Enumerable.Repeat((byte)7, 1024).ToArray()));
    }
}
