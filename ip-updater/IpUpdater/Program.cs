using AvatarStream.IpUpdater;

IpUpdaterApp.Build(args).Run();
