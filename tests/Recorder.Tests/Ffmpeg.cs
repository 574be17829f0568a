using System.Diagnostics;
using System.Text.Json;

namespace AvatarStream.Recorder.Tests;

// The real ffmpeg and ffprobe for the integration tests. Missing tools fail the test: test.sh installs them.
internal static class Ffmpeg
{
    public static string Path => Find("ffmpeg");

    public static string ProbePath => Find("ffprobe");

    public static JsonDocument Probe(string file)
    {
        var output = Run(ProbePath, ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file]);
        return JsonDocument.Parse(output);
    }

    // One frame at this time, as PNG bytes.
    public static byte[] FrameAt(string file, double seconds)
    {
        var output = Run(Path, ["-v", "error", "-ss", seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
            "-i", file, "-frames:v", "1", "-f", "image2pipe", "-vcodec", "png", "-"], binary: true);
        return Convert.FromBase64String(output);
    }

    private static string Find(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator)
            .Select(folder => System.IO.Path.Combine(folder, tool))
            .FirstOrDefault(File.Exists);
        Assert.True(found is not null, $"{tool} not found on PATH; test.sh installs it (Debian package ffmpeg)");
        return found;
    }

    private static string Run(string tool, IEnumerable<string> arguments, bool binary = false)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output;
        if (binary)
        {
            using var bytes = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(bytes);
            output = Convert.ToBase64String(bytes.ToArray());
        }
        else
        {
            output = process.StandardOutput.ReadToEnd();
        }
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {errors.Result}");
        return output;
    }
}
