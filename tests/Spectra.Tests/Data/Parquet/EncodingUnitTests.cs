using Spectra.Data.Parquet.Codecs;
using Spectra.Data.Parquet.Encodings;

namespace Spectra.Tests.Data.Parquet;

/// <summary>Encoding and codec corners the conformance files do not reach, against the Parquet and LZ4 specification examples.</summary>
public sealed class EncodingUnitTests
{
    [Fact]
    public void Legacy_bit_packed_levels_match_the_spec_example()
    {
        // Parquet encodings spec, BIT_PACKED: 0 … 7 with bit width 3 are the bytes 00000101 00111001 01110111.
        var output = new int[8];
        int used = RleBitPackedHybrid.DecodeLegacyBitPacked([0b00000101, 0b00111001, 0b01110111], 3, output.AsSpan(), 7);
        Assert.Equal(3, used);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], output);
    }

    [Fact]
    public void Hybrid_bit_packed_run_matches_the_spec_example()
    {
        // Parquet encodings spec, RLE hybrid bit-packing: 0 … 7 with bit width 3 are 10001000 11000110 11111010,
        // after the run header (1 group of 8 → header (1 << 1) | 1 = 3).
        var output = new int[8];
        RleBitPackedHybrid.Decode([0x03, 0b10001000, 0b11000110, 0b11111010], 3, output.AsSpan(), 7);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], output);
    }

    [Fact]
    public void Hybrid_rle_run_and_out_of_range_values()
    {
        var output = new byte[5];
        RleBitPackedHybrid.Decode([0x0A, 0x02], 2, output.AsSpan(), 3); // run of 5 × value 2
        Assert.Equal([2, 2, 2, 2, 2], output);
        Assert.Throws<SpectraException>(() => RleBitPackedHybrid.Decode([0x0A, 0x03], 2, new byte[5].AsSpan(), 2));
        Assert.Throws<SpectraException>(() => RleBitPackedHybrid.Decode([0x0A], 2, new byte[5].AsSpan(), 3));
    }

    [Fact]
    public void Lz4_frame_with_a_stored_and_a_compressed_block()
    {
        // Frame: magic, FLG 0x60 (version 1, independent blocks), BD 0x40, header checksum byte,
        // a stored block "abcd" (size with the high bit set), a compressed block (token 0x40: 4 literals "efgh",
        // then match offset 4, length 4 → "efgh" again — the last sequence must be literals, so add token 0x10 "!"),
        // end mark.
        byte[] frame =
        [
            0x04, 0x22, 0x4D, 0x18, 0x60, 0x40, 0x82,
            0x04, 0x00, 0x00, 0x80, (byte)'a', (byte)'b', (byte)'c', (byte)'d',
            0x09, 0x00, 0x00, 0x00, 0x40, (byte)'e', (byte)'f', (byte)'g', (byte)'h', 0x04, 0x00, 0x10, (byte)'!',
            0x00, 0x00, 0x00, 0x00,
        ];
        var output = new byte[13];
        Lz4Legacy.Decode(frame, output);
        Assert.Equal("abcdefghefgh!", System.Text.Encoding.ASCII.GetString(output));
        Assert.Throws<SpectraException>(() => Lz4Legacy.Decode(frame, new byte[12]));
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
        var longer = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        // slice-by-8 against the bytewise definition
        uint crc = 0xFFFFFFFF;
        foreach (byte b in longer)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        Assert.Equal(~crc, Crc32.Compute(longer));
    }
}
