using Spectra.Data.Parquet.Codecs;

namespace Spectra.Tests.Data.Parquet;

/// <summary>
/// The in-house Snappy decoder against an independent encoder (IronSnappy) on data from
/// incompressible to highly repetitive, against hand-built blocks from the format description,
/// and on corrupt blocks.
/// </summary>
public sealed class SnappyBlockTests
{
    public static TheoryData<string, int> Inputs() => new()
    {
        { "random", 100_000 }, { "random", 1 }, { "zeros", 1_000_000 }, { "period3", 70_000 },
        { "period7", 9 }, { "floats", 1 << 20 }, { "text", 200_000 }, { "mixed", 300_001 }, { "empty", 0 },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Decodes_what_an_independent_encoder_wrote(string kind, int length)
    {
        var data = Make(kind, length);
        var encoded = IronSnappy.Snappy.Encode(data);
        var output = new byte[data.Length];
        SnappyBlock.Decode(encoded, output);
        Assert.Equal(data, output);
    }

    [Fact]
    public void Hand_built_block_with_every_element_kind()
    {
        // Preamble 20; literal "abcd" (tag (4−1)<<2); 1-byte-offset copy len 4 off 4 (tag 0b000_000_01, offset byte 4);
        // 2-byte-offset copy len 5 off 1 (overlapping run of 'd'); 4-byte-offset copy len 7 off 13.
        byte[] block = [20, 3 << 2, (byte)'a', (byte)'b', (byte)'c', (byte)'d', 0b000_000_01, 4, (5 - 1) << 2 | 2, 1, 0, (7 - 1) << 2 | 3, 13, 0, 0, 0];
        var output = new byte[20];
        SnappyBlock.Decode(block, output);
        Assert.Equal("abcdabcddddddabcdabc", System.Text.Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void Long_literal_lengths_use_the_extra_bytes()
    {
        // A 300-byte literal: tag 61 << 2 (two extra bytes) holding 299 little-endian.
        var payload = Make("random", 300);
        var block = new List<byte> { 0xAC, 0x02, 61 << 2, 299 & 0xFF, 299 >> 8 };
        block.AddRange(payload);
        var output = new byte[300];
        SnappyBlock.Decode(block.ToArray(), output);
        Assert.Equal(payload, output);
    }

    [Fact]
    public void Corrupt_blocks_raise_the_documented_error()
    {
        var data = Make("mixed", 50_000);
        var good = IronSnappy.Snappy.Encode(data);
        // Wrong declared size, offset zero, offset before the start, literal past the end, output too long, truncated.
        Assert.Throws<SpectraException>(() => SnappyBlock.Decode(good, new byte[data.Length + 1]));
        Assert.Throws<SpectraException>(() => SnappyBlock.Decode([8, 0, (byte)'a', 0b000_001_01, 0], new byte[8]));
        Assert.Throws<SpectraException>(() => SnappyBlock.Decode([8, 0, (byte)'a', 0b000_001_01, 2], new byte[8]));
        Assert.Throws<SpectraException>(() => SnappyBlock.Decode([4, 7 << 2, 1, 2], new byte[4]));
        Assert.Throws<SpectraException>(() => SnappyBlock.Decode([2, 3 << 2, 1, 2, 3, 4], new byte[2]));
        Assert.Throws<SpectraException>(() => SnappyBlock.Decode([0x80, 0x80], new byte[2]));
        var random = new Random(11);
        for (int cut = 1; cut < 400; cut++)
        {
            int at = random.Next(good.Length);
            var broken = good.AsSpan(0, at).ToArray();
            try { SnappyBlock.Decode(broken, new byte[data.Length]); Assert.Fail($"a block cut at {at} decoded"); }
            catch (SpectraException) { }
            var flipped = (byte[])good.Clone();
            flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
            try
            {
                var output = new byte[data.Length];
                SnappyBlock.Decode(flipped, output);
            }
            catch (SpectraException) { }
        }
    }

    private static byte[] Make(string kind, int length)
    {
        var random = new Random(length ^ kind.Length);
        var b = new byte[length];
        switch (kind)
        {
            case "random": random.NextBytes(b); break;
            case "zeros": break;
            case "period3": for (int i = 0; i < length; i++) b[i] = (byte)(i % 3); break;
            case "period7": for (int i = 0; i < length; i++) b[i] = (byte)(i % 7 * 31); break;
            case "floats":
                for (int i = 0; i + 4 <= length; i += 4) BitConverter.TryWriteBytes(b.AsSpan(i), (float)Math.Round(random.NextDouble() * 100, 1));
                break;
            case "text":
                var words = new[] { "spectrum ", "level ", "spacing ", "ratio ", "unfold ", "GOE ", "Poisson " };
                for (int i = 0; i < length;)
                    foreach (char c in words[random.Next(words.Length)]) { if (i < length) b[i++] = (byte)c; }
                break;
            case "mixed":
                for (int i = 0; i < length; i++) b[i] = (i / 1000) % 2 == 0 ? (byte)random.Next(256) : (byte)(i % 13);
                break;
        }
        return b;
    }
}
