using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Threading.Channels;
using AvatarStream.Client.Messages;
using Microsoft.AspNetCore.Http;

namespace AvatarStream.Client.Tests.Fakes;

// The server's end of one accepted socket, driven by the test. A pump reads everything the client sends into a
// channel, and answers the client's close frame as a server does, so a client closing never waits on the test.
internal sealed class FakeSocket
{
    private readonly HttpContext _context;
    private readonly WebSocket _socket;
    private readonly Channel<Received> _received = Channel.CreateUnbounded<Received>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly bool _answersClose;

    // Completed while the pump reads; StopReading replaces it with one that never completes.
    private volatile Task _reading = Task.CompletedTask;

    public FakeSocket(HttpContext context, WebSocket socket, StreamCredentials? credentials, bool answersClose = true)
    {
        _context = context;
        _socket = socket;
        _answersClose = answersClose;
        Credentials = credentials;
        _ = Task.Run(PumpAsync);
    }

    public StreamCredentials? Credentials { get; }

    // Completes when the socket is done: closed both ways, dropped, or broken.
    public Task Finished => _finished.Task;

    public Task SendAsync(ServerMessage message) => SendFrameAsync(MessageJson.Serialize(message), WebSocketMessageType.Text);

    public Task SendJsonAsync(string json) => SendFrameAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text);

    public Task SendBinaryAsync(byte[] frame) => SendFrameAsync(frame, WebSocketMessageType.Binary);

    // The next whole message from the client, or its close frame (the last thing received).
    public async Task<Received> ReceiveAsync() => await _received.Reader.ReadAsync().AsTask().WaitAsync(Patience.Timeout);

    public async Task<ClientMessage> ReceiveMessageAsync()
    {
        var received = await ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Text, received.Type);
        return MessageJson.ParseClientMessage(received.Bytes);
    }

    // Sends a close frame and waits until the client answered it.
    public async Task CloseAsync(WebSocketCloseStatus status, string? description = null)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.CloseOutputAsync(status, description, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }

        await Finished.WaitAsync(Patience.Timeout);
    }

    // The pump stops reading what the client sends (after the read under way), so the client's sends stall once the
    // socket buffers are full, and its pings go unanswered.
    public void StopReading() => _reading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously).Task;

    // Ends the connection without a close frame, as a crash or a lost network does.
    public void Drop()
    {
        try
        {
            _context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request is over already: the socket closed before.
        }

        _finished.TrySetResult();
    }

    private async Task SendFrameAsync(byte[] frame, WebSocketMessageType type)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(frame, type, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task PumpAsync()
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                await _reading;
                var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _received.Writer.TryWrite(new Received(result.MessageType, [], _socket.CloseStatus));
                    if (!_answersClose)
                    {
                        // A hung server: the socket stays half closed until the client gives up on it.
                        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        using (_context.RequestAborted.Register(() => aborted.TrySetResult()))
                        {
                            await aborted.Task;
                        }

                        return;
                    }

                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _sendLock.WaitAsync();
                        try
                        {
                            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                        }
                        finally
                        {
                            _sendLock.Release();
                        }
                    }

                    return;
                }

                buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    _received.Writer.TryWrite(new Received(result.MessageType, buffer.WrittenSpan.ToArray(), null));
                    buffer.ResetWrittenCount();
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Dropped: the channel just ends.
        }
        finally
        {
            _received.Writer.TryComplete();
            _finished.TrySetResult();
        }
    }
}

internal sealed record Received(WebSocketMessageType Type, byte[] Bytes, WebSocketCloseStatus? CloseStatus);
