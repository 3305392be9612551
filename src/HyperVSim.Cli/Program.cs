using HyperVSim.Cli;

return HyperVSimCli.Run(args, Console.Out, Console.Error);
