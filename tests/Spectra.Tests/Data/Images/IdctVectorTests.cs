namespace Spectra.Tests.Data.Images;

/// <summary>
/// The vectorised inverse DCT must give every sample the scalar one gives (the JPEG conformance tests
/// allow two levels against libjpeg-turbo, which would hide a small slip in one of the two paths).
/// </summary>
public class IdctVectorTests
{
    private sealed class Avx2FactAttribute : FactAttribute
    {
        public Avx2FactAttribute()
        {
            if (!IdctAvx2.IsSupported) Skip = "the processor has no AVX2, so the vector path is never taken";
        }
    }

    [Avx2Fact]
    public void Vector_and_scalar_paths_agree_on_every_sample_of_random_blocks()
    {
        var rng = new Random(8);
        var block = new int[64];
        var scalar = new byte[8 * 11];
        var vector = new byte[8 * 11];
        for (int trial = 0; trial < 20_000; trial++)
        {
            // Magnitudes from tiny to the largest a dequantized 8-bit coefficient reaches (±2047 × 255),
            // with many zeros, as in real blocks, and the occasional all-zero column.
            int scale = 1 << rng.Next(0, 20);
            for (int k = 0; k < 64; k++) block[k] = rng.Next(3) == 0 ? Math.Clamp(rng.Next(-scale, scale + 1), -2047 * 255, 2047 * 255) : 0;
            if (trial % 7 == 0) for (int r = 1; r < 8; r++) block[r * 8 + trial % 8] = 0;
            Array.Fill(scalar, (byte)0x5A);
            Array.Fill(vector, (byte)0x5A);
            Idct.TransformScalar(block, scalar, 11);
            IdctAvx2.Transform(block, vector, 11);
            Assert.True(scalar.AsSpan().SequenceEqual(vector), $"block {trial} differs");
        }
    }
}
