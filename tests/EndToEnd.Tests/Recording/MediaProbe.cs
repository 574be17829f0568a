using System.Diagnostics;
using System.Text.Json;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AvatarStream.EndToEnd.Tests.Recording;

// What ffprobe and ffmpeg (installed by test.sh) say of a recorded file.
internal static class MediaProbe
{
    public sealed record Probe(string Format, IReadOnlyList<(string Type, string Codec)> Streams, double Duration);

    public static async Task<Probe> ProbeAsync(string file)
    {
        var json = JsonDocument.Parse(await RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file])).RootElement;
        var streams = json.GetProperty("streams").EnumerateArray()
            .Select(s => (s.GetProperty("codec_type").GetString()!, s.GetProperty("codec_name").GetString()!)).ToList();
        var format = json.GetProperty("format");
        return new Probe(
            format.GetProperty("format_name").GetString()!,
            streams,
            double.Parse(format.GetProperty("duration").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    // The frame at `seconds` as an image.
    public static async Task<Image<Rgb24>> FrameAtAsync(string file, double seconds)
    {
        var png = Path.Combine(Path.GetTempPath(), $"frame-{Guid.NewGuid():N}.png");
        try
        {
            await RunAsync("ffmpeg", ["-v", "error", "-ss", seconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), "-i", file, "-frames:v", "1", "-y", png]);
            return await Image.LoadAsync<Rgb24>(png);
        }
        finally
        {
            File.Delete(png);
        }
    }

    private static async Task<string> RunAsync(string tool, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException($"{tool} not found on PATH; test.sh installs it (Debian package ffmpeg)");
        }

        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}: {await errors}");
            return await output;
        }
    }
}
