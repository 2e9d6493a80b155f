global using Xunit;
global using Spectra.Data;
