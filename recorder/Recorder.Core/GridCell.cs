namespace AvatarStream.Recorder.Core;

// A member's rectangle in the output frame, in pixels.
public readonly record struct GridCell(int X, int Y, int Width, int Height);
