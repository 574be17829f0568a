using AvatarStream.StreamService;

StreamServiceApp.Build(args).Run();
