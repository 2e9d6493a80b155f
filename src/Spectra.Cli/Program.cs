using Spectra.Cli;

return SpectraCli.Run(args, CliIo.FromConsole(), ownProcess: true);
