namespace AvatarStream.RoomRouter.Recordings;

// The stored recording files, through the recordings output binding.
public interface IRecordingFiles
{
    // The file's bytes, or null when the binding has no such file.
    public Task<byte[]?> ReadAsync(string fileName, CancellationToken cancellationToken);
}
