Console.WriteLine("spectra");
