using AvatarStream.Recorder;

RecorderApp.Build(args).Run();
