using AvatarStream.RoomRouter;

RoomRouterApp.Build(args).Run();
