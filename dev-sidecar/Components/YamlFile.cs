using YamlDotNet.RepresentationModel;

namespace AvatarStream.DevSidecar.Components;

// Component folders and the --config file are read alike: any failure becomes an InvalidDataException naming the file.
internal static class YamlFile
{
    public static YamlStream Load(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}, line {e.Start.Line}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read: {e.Message}", e);
        }

        return stream;
    }
}
