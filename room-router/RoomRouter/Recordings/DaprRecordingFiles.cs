using AvatarStream.Contracts;
using Dapr;
using Dapr.Client;

namespace AvatarStream.RoomRouter.Recordings;

// Reads a file, part by part, with the recordings binding's "get" operation (bindings.localstorage locally, S3 in Kubernetes).
internal sealed class DaprRecordingFiles(DaprClient dapr) : IRecordingFiles
{
    public async Task<byte[]?> ReadAsync(string fileName, long size, CancellationToken cancellationToken)
    {
        var file = new byte[size];
        var written = 0;
        for (var index = 0; index < RecordingFileParts.Count(size); index++)
        {
            var name = RecordingFileParts.Name(fileName, index);
            var request = new BindingRequest(DaprNames.RecordingsBinding, "get");
            request.Metadata["fileName"] = name;
            request.Metadata["key"] = name;
            ReadOnlyMemory<byte> part;
            try
            {
                part = (await dapr.InvokeBindingAsync(request, cancellationToken)).Data;
            }
            catch (DaprException)
            {
                return null;
            }

            if (written + part.Length > size)
            {
                return null;
            }

            part.CopyTo(file.AsMemory(written));
            written += part.Length;
        }

        return written == size ? file : null;
    }
}
