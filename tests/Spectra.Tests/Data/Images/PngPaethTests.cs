namespace Spectra.Tests.Data.Images;

public class PngPaethTests
{
    [Fact]
    public void The_branchless_paeth_predictor_equals_the_specification_for_every_byte_triple()
    {
        // PNG §9.4: p = a + b − c; the nearest of a, b, c to p, ties in the order a, b, c.
        static int Reference(int a, int b, int c)
        {
            int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        int mismatches = 0;
        for (int a = 0; a < 256; a++)
        for (int b = 0; b < 256; b++)
        for (int c = 0; c < 256; c++)
            if (PngCodec.PaethBranchless(a, b, c) != Reference(a, b, c)) mismatches++;
        Assert.Equal(0, mismatches);
    }
}
