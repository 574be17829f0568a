using System.Collections.Concurrent;
using Concentus;
using Microsoft.Extensions.Logging;

namespace AvatarStream.Recorder.Core;

// Records a room to a WebM file (VP8 grid of the members' video, Opus mix of their sound). The input methods only
// stamp and queue; a timer ticking at the frame rate does the work: it decodes and mixes the sound into a temp s16le
// file and streams composed frames to an ffmpeg encoding a temp video. CompleteAsync muxes both into the output
// path; disposing without completing leaves nothing behind.
public sealed partial class RoomRecording : IAsyncDisposable
{
    // Sound is written out this far behind the clock, so packets still arriving back to back find room.
    private static readonly TimeSpan AudioSettleTime = TimeSpan.FromMilliseconds(100);

    private readonly RecordingSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<RoomRecording> _logger;
    private readonly long _startedAt;
    private readonly string _workFolder;
    private readonly string _videoPath;
    private readonly string _audioPath;
    private readonly FileStream _audioFile;
    private readonly FfmpegProcess _videoEncoder;
    private readonly VideoGrid _grid;
    private readonly AudioTimeline _audio;
    private readonly OpusDecoders _decoders = new();
    private readonly ConcurrentQueue<RecordingInput> _inputs = new();
    private readonly byte[] _frameBytes;
    private readonly Lock _gate = new();
    private readonly ITimer _ticker;
    private long _pendingBytes;
    private long _droppedInputs;
    private long _framesWritten;
    private Exception? _failure;
    private int _state = Recording;

    private const int Recording = 0;
    private const int Ending = 1;

    public RoomRecording(RecordingSettings settings, TimeProvider time, ILogger<RoomRecording> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _time = time;
        _logger = logger;
        _workFolder = Directory.CreateDirectory(Path.Combine(settings.TempFolder, $"recording-{Guid.NewGuid():N}")).FullName;
        _videoPath = Path.Combine(_workFolder, "video.webm");
        _audioPath = Path.Combine(_workFolder, "audio.s16le");
        _audioFile = new FileStream(_audioPath, FileMode.CreateNew);
        try
        {
            _videoEncoder = FfmpegProcess.Start(settings.FfmpegPath,
                FfmpegArguments.EncodeVideo(settings.Width, settings.Height, settings.FramesPerSecond, _videoPath),
                pipeInput: true);
        }
        catch
        {
            _audioFile.Dispose();
            DeleteWorkFolder();
            throw;
        }
        _grid = new VideoGrid(settings.Width, settings.Height, settings.VideoStaleAfter, logger);
        _audio = new AudioTimeline(settings.AudioJitterBound);
        _frameBytes = new byte[settings.Width * settings.Height * 3];
        _startedAt = time.GetTimestamp();
        var framePeriod = TimeSpan.FromSeconds(1.0 / settings.FramesPerSecond);
        _ticker = time.CreateTimer(_ => Tick(), null, framePeriod, framePeriod);
    }

    public void MemberJoined(int member, string name) =>
        Queue(new RecordingInput(RecordingInputKind.Joined, member, Now(), Name: name), 0);

    public void MemberLeft(int member) => Queue(new RecordingInput(RecordingInputKind.Left, member, Now()), 0);

    public void VideoFrame(int member, ReadOnlyMemory<byte> jpeg) =>
        Queue(new RecordingInput(RecordingInputKind.Video, member, Now(), jpeg.ToArray()), jpeg.Length);

    public void AudioPacket(int member, ReadOnlyMemory<byte> opus) =>
        Queue(new RecordingInput(RecordingInputKind.Audio, member, Now(), opus.ToArray()), opus.Length);

    public async Task<RecordingResult> CompleteAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, Ending, Recording) != Recording)
            throw new InvalidOperationException("The recording was already completed or disposed.");
        var end = Now(); // before waiting for a tick that may be behind: the recording ends when asked to
        var finalPath = Path.GetFullPath(_settings.OutputPath);
        var partialPath = Path.Combine(Path.GetDirectoryName(finalPath)!, $".{Path.GetFileName(finalPath)}.{Guid.NewGuid():N}.partial");
        try
        {
            await _ticker.DisposeAsync();
            lock (_gate)
            {
                if (_failure is null) AdvanceOrStop(end, final: true);
                _audioFile.Dispose();
            }
            if (_failure is IOException)
            {
                // ffmpeg stopped reading frames: its exit code and last words say why.
                await _videoEncoder.EndAsync("video encoding", cancellationToken);
                throw _videoEncoder.Failed("video encoding", "stopped taking frames", _failure);
            }
            if (_failure is not null) throw new InvalidOperationException("Composing the recording failed.", _failure);
            await _videoEncoder.EndAsync("video encoding", cancellationToken);
            await FfmpegProcess.RunAsync(_settings.FfmpegPath, FfmpegArguments.Mux(_videoPath, _audioPath, partialPath),
                "muxing", cancellationToken);
            File.Move(partialPath, finalPath, overwrite: true);
            var duration = TimeSpan.FromSeconds((double)_framesWritten / _settings.FramesPerSecond);
            var result = new RecordingResult(finalPath, duration, new FileInfo(finalPath).Length);
            LogCompleted(_logger, finalPath, duration, result.SizeBytes, Interlocked.Read(ref _droppedInputs));
            return result;
        }
        finally
        {
            if (File.Exists(partialPath)) File.Delete(partialPath);
            Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, Ending) != Recording) return;
        await _ticker.DisposeAsync();
        LogAborted(_logger);
        Release();
    }

    private TimeSpan Now() => _time.GetElapsedTime(_startedAt);

    private void Queue(RecordingInput input, int size)
    {
        if (Volatile.Read(ref _state) != Recording) return;
        if (Interlocked.Add(ref _pendingBytes, size) > _settings.MaxPendingBytes)
        {
            Interlocked.Add(ref _pendingBytes, -size);
            if (Interlocked.Increment(ref _droppedInputs) == 1) LogFallingBehind(_logger, _settings.MaxPendingBytes);
            return;
        }
        _inputs.Enqueue(input);
    }

    private void Tick()
    {
        // A tick still running (ffmpeg slow to take a frame) covers this one: frames follow the clock, not ticks.
        if (!_gate.TryEnter()) return;
        try
        {
            if (_failure is null && Volatile.Read(ref _state) == Recording) AdvanceOrStop(Now(), final: false);
        }
        finally
        {
            _gate.Exit();
        }
    }

    private void AdvanceOrStop(TimeSpan now, bool final)
    {
        try
        {
            Advance(now, final);
        }
        catch (Exception error)
        {
            // Thrown from a timer thread it would end the process; CompleteAsync reports it instead.
            _failure = error;
            LogStopped(_logger, error);
        }
    }

    // Brings the video and the sound file up to this recording time. The final step writes at least one frame
    // (ffmpeg cannot mux an empty video) and the sound to the video's exact length.
    private void Advance(TimeSpan now, bool final)
    {
        TakeInputs();
        while (FrameTime(_framesWritten) < now || (final && _framesWritten == 0))
        {
            _grid.Compose(FrameTime(_framesWritten)).CopyPixelDataTo(_frameBytes);
            _videoEncoder.Input.Write(_frameBytes);
            _framesWritten++;
        }
        var soundUntil = final ? FrameTime(_framesWritten) : now - _settings.AudioJitterBound - AudioSettleTime;
        _audio.WriteUntil(AudioTimeline.ToPosition(soundUntil), _audioFile);
    }

    private TimeSpan FrameTime(long frame) =>
        TimeSpan.FromTicks(frame * TimeSpan.TicksPerSecond / _settings.FramesPerSecond);

    private void TakeInputs()
    {
        while (_inputs.TryDequeue(out var input))
        {
            Interlocked.Add(ref _pendingBytes, -(input.Payload?.Length ?? 0));
            switch (input.Kind)
            {
                case RecordingInputKind.Joined:
                    _grid.Join(input.Member, input.Name!);
                    break;
                case RecordingInputKind.Left:
                    _grid.Leave(input.Member);
                    _audio.Forget(input.Member);
                    _decoders.Forget(input.Member);
                    break;
                case RecordingInputKind.Video:
                    _grid.Frame(input.Member, input.At, input.Payload!);
                    break;
                case RecordingInputKind.Audio:
                    PlaceSound(input);
                    break;
            }
        }
    }

    private void PlaceSound(RecordingInput input)
    {
        try
        {
            _audio.Place(input.Member, input.At, _decoders.Decode(input.Member, input.Payload));
        }
        catch (OpusException error)
        {
            LogBadPacket(_logger, input.Member, error.Message);
        }
    }

    // Stops ffmpeg if it still runs and removes the temp files; the output path is only ever written by the move.
    private void Release()
    {
        // Killed first: a tick blocked writing a frame to it then fails at once and lets go of the gate.
        _videoEncoder.Kill();
        lock (_gate)
        {
            _videoEncoder.Dispose();
            _audioFile.Dispose();
            _grid.Dispose();
            _inputs.Clear();
        }
        DeleteWorkFolder();
    }

    private void DeleteWorkFolder()
    {
        try
        {
            Directory.Delete(_workFolder, recursive: true);
        }
        catch (IOException error)
        {
            LogTempNotDeleted(_logger, _workFolder, error.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording written to {Path}: {Duration}, {Size} bytes, {Dropped} inputs dropped")]
    private static partial void LogCompleted(ILogger logger, string path, TimeSpan duration, long size, long dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording abandoned; its temp files are deleted")]
    private static partial void LogAborted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording falls behind: over {Limit} bytes queued, new frames are dropped")]
    private static partial void LogFallingBehind(ILogger logger, long limit);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording stopped: composing or encoding a frame failed")]
    private static partial void LogStopped(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audio packet of member {Member} could not be decoded: {Reason}")]
    private static partial void LogBadPacket(ILogger logger, int member, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Temp folder {Folder} not deleted: {Reason}")]
    private static partial void LogTempNotDeleted(ILogger logger, string folder, string reason);
}
