global using Xunit;
global using Spectra.Fluent;
