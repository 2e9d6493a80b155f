namespace Spectra.Tests.Data.Parquet;

/// <summary>
/// Writes a minimal one-column Parquet file (INT32 "x", one row group, one PLAIN data page V1)
/// whose every header field can be set wrong on purpose, for the bad-input tests.
/// </summary>
internal sealed record TinyParquetWriter
{
    public int[] Values { get; init; } = [1, 2, 3, 4, 5];
    public int Codec { get; init; }                 // 0 UNCOMPRESSED, 2 GZIP, 3 LZO, 99 unknown
    public int Encoding { get; init; }              // 0 PLAIN
    public int? NumValuesInPage { get; init; }
    public int? UncompressedSizeInHeader { get; init; }
    public int? CompressedSizeInHeader { get; init; }
    public long? ChunkSizeInMetadata { get; init; }
    public long? RowsInMetadata { get; init; }
    /// <summary>The row group's (and the file's) row count alone, leaving the column chunk's value count as written.</summary>
    public long? RowGroupRowsInMetadata { get; init; }
    public int? Crc { get; init; }
    public byte[]? PageHeaderOverride { get; init; }

    public byte[] Build()
    {
        var plain = new byte[Values.Length * 4];
        for (int i = 0; i < Values.Length; i++) BinaryPrimitives.WriteInt32LittleEndian(plain.AsSpan(i * 4), Values[i]);
        byte[] body = Codec == 2 ? Gzip(plain) : plain;

        var header = new ThriftWriter();
        header.I32(1, 0);
        header.I32(2, UncompressedSizeInHeader ?? plain.Length);
        header.I32(3, CompressedSizeInHeader ?? body.Length);
        if (Crc is int crc) header.I32(4, crc);
        header.BeginStruct(5);
        header.I32(1, NumValuesInPage ?? Values.Length);
        header.I32(2, Encoding);
        header.I32(3, 3);
        header.I32(4, 3);
        header.EndStruct();
        header.Stop();
        byte[] headerBytes = PageHeaderOverride ?? header.ToArray();

        var file = new MemoryStream();
        file.Write("PAR1"u8);
        long pageOffset = file.Position;
        file.Write(headerBytes);
        file.Write(body);
        long chunkSize = file.Position - pageOffset;

        var meta = new ThriftWriter();
        meta.I32(1, 1);
        meta.BeginList(2, ThriftWriter.Struct, 2);
        meta.ListStructBegin();
        meta.Binary(4, "schema");
        meta.I32(5, 1);
        meta.Stop();
        meta.ListStructEnd();
        meta.ListStructBegin();
        meta.I32(1, 1);
        meta.I32(3, 0);
        meta.Binary(4, "x");
        meta.Stop();
        meta.ListStructEnd();
        meta.I64(3, RowGroupRowsInMetadata ?? RowsInMetadata ?? Values.Length);
        meta.BeginList(4, ThriftWriter.Struct, 1);
        meta.ListStructBegin();
        meta.BeginList(1, ThriftWriter.Struct, 1);
        meta.ListStructBegin();
        meta.I64(2, pageOffset);
        meta.BeginStruct(3);
        meta.I32(1, 1);
        meta.BeginList(2, ThriftWriter.I32Type, 1);
        meta.RawZigZag(Encoding);
        meta.BeginList(3, ThriftWriter.BinaryType, 1);
        meta.RawBinary("x");
        meta.I32(4, Codec);
        meta.I64(5, RowsInMetadata ?? Values.Length);
        meta.I64(6, headerBytes.Length + plain.Length);
        meta.I64(7, ChunkSizeInMetadata ?? chunkSize);
        meta.I64(9, pageOffset);
        meta.EndStruct();
        meta.Stop();
        meta.ListStructEnd();
        meta.I64(2, chunkSize);
        meta.I64(3, RowGroupRowsInMetadata ?? RowsInMetadata ?? Values.Length);
        meta.Stop();
        meta.ListStructEnd();
        meta.Stop();
        var footer = meta.ToArray();
        file.Write(footer);
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(len, footer.Length);
        file.Write(len);
        file.Write("PAR1"u8);
        return file.ToArray();
    }

    private static byte[] Gzip(byte[] data)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(data);
        return ms.ToArray();
    }

    /// <summary>Thrift compact protocol, just the parts a footer and a page header need.</summary>
    private sealed class ThriftWriter
    {
        public const byte I32Type = 5, I64Type = 6, BinaryType = 8, ListType = 9, Struct = 12;
        private readonly MemoryStream _out = new();
        private readonly Stack<short> _last = new([0]);

        private void Field(short id, byte type)
        {
            short last = _last.Pop();
            int delta = id - last;
            if (delta is > 0 and <= 15) _out.WriteByte((byte)(delta << 4 | type));
            else
            {
                _out.WriteByte(type);
                Varint((ulong)((id << 1) ^ (id >> 15)));
            }
            _last.Push(id);
        }

        private void Varint(ulong v)
        {
            while (v >= 0x80)
            {
                _out.WriteByte((byte)(v | 0x80));
                v >>= 7;
            }
            _out.WriteByte((byte)v);
        }

        public void RawZigZag(long v) => Varint((ulong)((v << 1) ^ (v >> 63)));

        public void RawBinary(string s)
        {
            var b = System.Text.Encoding.UTF8.GetBytes(s);
            Varint((ulong)b.Length);
            _out.Write(b);
        }

        public void I32(short id, int v) { Field(id, I32Type); RawZigZag(v); }
        public void I64(short id, long v) { Field(id, I64Type); RawZigZag(v); }
        public void Binary(short id, string s) { Field(id, BinaryType); RawBinary(s); }
        public void BeginStruct(short id) { Field(id, Struct); _last.Push(0); }
        public void EndStruct() { Stop(); _last.Pop(); }
        public void Stop() => _out.WriteByte(0);
        public void BeginList(short id, byte elementType, int count) { Field(id, ListType); _out.WriteByte((byte)(count << 4 | elementType)); }
        public void ListStructBegin() => _last.Push(0);
        public void ListStructEnd() => _last.Pop();
        public byte[] ToArray() => _out.ToArray();
    }
}
