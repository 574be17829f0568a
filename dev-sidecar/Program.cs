Console.Error.WriteLine("dev-sidecar: not built yet");
return 1;
