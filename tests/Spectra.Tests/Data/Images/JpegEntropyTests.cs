namespace Spectra.Tests.Data.Images;

/// <summary>
/// The entropy decoder's two shortcuts against the plain reads they stand for: whole coefficients looked
/// up from the next nine bits, and eight bytes taken at once when none of them is 0xFF.
/// </summary>
public class JpegEntropyTests
{
    // The AC luminance table of ITU T.81 Annex K (K.5): the table most encoders write.
    private static readonly byte[] Counts = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];

    private static byte[] Symbols()
    {
        // K.5's 162 run/size symbols, in code order.
        byte[] s =
        [
            0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
            0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0,
            0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
            0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
            0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
            0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
            0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
            0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5,
            0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
            0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
            0xf9, 0xfa,
        ];
        return s;
    }

    [Fact]
    public void Every_whole_coefficient_entry_is_what_the_code_and_its_extra_bits_give()
    {
        var symbols = Symbols();
        Assert.Equal(Counts.Sum(c => c), symbols.Length);
        var table = new HuffmanTable(Counts, symbols);
        int filled = 0;
        for (int prefix = 0; prefix < 1 << HuffmanTable.LookupBits; prefix++)
        {
            int peek16 = prefix << (16 - HuffmanTable.LookupBits);
            int rs = table.Decode(peek16, out int length);
            int size = rs & 15, entry = table.Coefficients[prefix];
            if (size == 0 || length + size > HuffmanTable.LookupBits)
            {
                Assert.Equal(0, entry);
                continue;
            }
            int extra = (prefix >> (HuffmanTable.LookupBits - length - size)) & ((1 << size) - 1);
            int value = extra < 1 << (size - 1) ? extra - (1 << size) + 1 : extra; // receive-and-extend, T.81 F.2.2.1
            Assert.Equal((value, rs >> 4, length + size), (entry >> 16, (entry >> 4) & 15, entry & 15));
            filled++;
        }
        Assert.True(filled > 300, $"only {filled} of 512 prefixes hold a whole coefficient");
    }

    [Fact]
    public void Bits_read_through_stuffing_and_up_to_a_marker_equal_the_unstuffed_stream()
    {
        var rng = new Random(5);
        for (int trial = 0; trial < 200; trial++)
        {
            // Random entropy-coded bytes, some 0xFF (stuffed with 0x00), ending in an EOI marker.
            var payload = new List<byte>();
            var stream = new List<byte>();
            int n = rng.Next(1, 200);
            for (int i = 0; i < n; i++)
            {
                byte b = rng.Next(6) == 0 ? (byte)0xFF : (byte)rng.Next(256);
                payload.Add(b);
                stream.Add(b);
                if (b == 0xFF) stream.Add(0x00);
            }
            stream.AddRange([0xFF, 0xD9]);
            var data = stream.ToArray();
            var reader = new BitReader(data, data.Length, 0);
            int bitPos = 0, total = payload.Count * 8;
            while (bitPos < total)
            {
                int take = Math.Min(rng.Next(1, 17), total - bitPos);
                int expected = 0;
                for (int k = 0; k < take; k++, bitPos++) expected = expected << 1 | (payload[bitPos >> 3] >> (7 - (bitPos & 7)) & 1);
                Assert.Equal(expected, reader.Bits(take));
            }
            Assert.False(reader.Overran);
            Assert.Equal(0, reader.Bits(16)); // past the data: zeros, and the reader knows it made them up
            Assert.True(reader.Overran);
        }
    }
}
