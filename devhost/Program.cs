Console.Error.WriteLine("devhost: not built yet");
return 1;
