namespace AvatarStream.RoomRouter.Recordings;

// The stored recording files, through the recordings output binding.
public interface IRecordingFiles
{
    // The file's bytes (size of them, kept in parts: RecordingFileParts), or null when the binding lacks a part.
    public Task<byte[]?> ReadAsync(string fileName, long size, CancellationToken cancellationToken);
}
