namespace Spectra.Data.Images.Codecs.Jpeg;

/// <summary>
/// Decodes one scan's entropy-coded data into the components' coefficient blocks: baseline and
/// sequential scans, and the four progressive kinds (DC first/refine, AC first/refine), with restart
/// intervals. Coefficients are stored in zigzag order.
/// </summary>
internal sealed class ScanDecoder
{
    private readonly Frame _frame;
    private readonly Component[] _comps;
    private readonly HuffmanTable?[] _dc, _ac;
    private readonly int[] _dcTable, _acTable;
    private readonly int _ss, _se, _ah, _al, _restartInterval;
    private int _eobrun;

    public ScanDecoder(Frame frame, Component[] comps, int[] dcTable, int[] acTable, HuffmanTable?[] dc, HuffmanTable?[] ac,
        int ss, int se, int ah, int al, int restartInterval)
    {
        _frame = frame;
        _comps = comps;
        _dcTable = dcTable;
        _acTable = acTable;
        _dc = dc;
        _ac = ac;
        _ss = ss;
        _se = se;
        _ah = ah;
        _al = al;
        _restartInterval = restartInterval;
        for (int i = 0; i < comps.Length; i++)
        {
            bool needDc = !frame.Progressive || (ss == 0 && ah == 0);
            bool needAc = !frame.Progressive || ss > 0;
            if (needDc && dc[dcTable[i]] is null) throw SpectraException.Invalid($"JPEG scan uses DC Huffman table {dcTable[i]}, which is not defined");
            if (needAc && ac[acTable[i]] is null) throw SpectraException.Invalid($"JPEG scan uses AC Huffman table {acTable[i]}, which is not defined");
        }
    }

    /// <summary>Decodes the scan from <paramref name="position"/> in the first <paramref name="length"/> bytes of <paramref name="data"/>; returns the position of the marker that follows it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Decode(byte[] data, int length, int position)
    {
        var reader = new BitReader(data, length, position);
        bool single = _comps.Length == 1;
        long mcus = single
            ? (long)_comps[0].BlocksWide * _comps[0].BlocksHigh
            : (long)_frame.McusWide * _frame.McusHigh;
        int expectedRst = 0;
        foreach (var c in _comps) c.DcPredictor = 0;
        _eobrun = 0;
        for (long m = 0; m < mcus; m++)
        {
            if (_restartInterval > 0 && m > 0 && m % _restartInterval == 0)
            {
                reader.Reset();
                int p = reader.SeekMarker();
                if (p + 1 >= length || data[p + 1] != 0xD0 + expectedRst)
                    throw SpectraException.Invalid($"JPEG restart marker RST{expectedRst} is missing (the file is corrupt or truncated)", location: $"MCU {m}");
                expectedRst = (expectedRst + 1) & 7;
                reader = new BitReader(data, length, p + 2);
                foreach (var c in _comps) c.DcPredictor = 0;
                _eobrun = 0;
            }
            if (single)
            {
                var c = _comps[0];
                int row = (int)(m / c.BlocksWide), col = (int)(m % c.BlocksWide);
                DecodeBlock(reader, c, 0, c.BlockOffset(row, col));
            }
            else
            {
                int mr = (int)(m / _frame.McusWide), mc = (int)(m % _frame.McusWide);
                for (int i = 0; i < _comps.Length; i++)
                {
                    var c = _comps[i];
                    for (int v = 0; v < c.V; v++)
                    for (int h = 0; h < c.H; h++)
                        DecodeBlock(reader, c, i, c.BlockOffset(mr * c.V + v, mc * c.H + h));
                }
            }
        }
        reader.Reset();
        return reader.SeekMarker();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DecodeBlock(BitReader r, Component c, int i, int offset)
    {
        var block = c.Coefficients.AsSpan(offset, 64);
        if (!_frame.Progressive) Baseline(r, c, block, _dc[_dcTable[i]]!, _ac[_acTable[i]]!);
        else if (_ss == 0)
        {
            if (_ah == 0)
            {
                int t = r.DecodeSymbol(_dc[_dcTable[i]]!);
                if (t > 11) throw SpectraException.Invalid("JPEG DC difference category is out of range (the file is corrupt)");
                int diff = t == 0 ? 0 : r.Receive(t);
                c.DcPredictor += diff;
                block[0] = Clamp(c.DcPredictor * (1 << _al));
            }
            else if (r.Bit() != 0) block[0] = (short)((ushort)block[0] | (1 << _al));
        }
        else if (_ah == 0) AcFirst(r, block, _ac[_acTable[i]]!);
        else AcRefine(r, block, _ac[_acTable[i]]!);
    }

    private static short Clamp(int v) => (short)Math.Clamp(v, short.MinValue, short.MaxValue);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Baseline(BitReader r, Component c, Span<short> block, HuffmanTable dc, HuffmanTable ac)
    {
        int predictor = c.DcPredictor;
        r.DecodeBaselineBlock(dc, ac, ref predictor, block);
        c.DcPredictor = predictor;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AcFirst(BitReader r, Span<short> block, HuffmanTable ac)
    {
        if (_eobrun > 0)
        {
            _eobrun--;
            return;
        }
        for (int k = _ss; k <= _se;)
        {
            int rs = r.DecodeSymbol(ac);
            int run = rs >> 4, s = rs & 15;
            if (s == 0)
            {
                if (run < 15)
                {
                    _eobrun = (1 << run) - 1 + (run > 0 ? r.Bits(run) : 0);
                    break;
                }
                k += 16;
                continue;
            }
            k += run;
            if (k > _se) throw SpectraException.Invalid("JPEG progressive band overflows its range (the file is corrupt)");
            block[k++] = Clamp(r.Receive(s) * (1 << _al));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AcRefine(BitReader r, Span<short> block, HuffmanTable ac)
    {
        int p1 = 1 << _al, m1 = -1 << _al;
        int k = _ss;
        if (_eobrun == 0)
        {
            for (; k <= _se;)
            {
                int rs = r.DecodeSymbol(ac);
                int run = rs >> 4, s = rs & 15;
                int value = 0;
                if (s == 0)
                {
                    if (run < 15)
                    {
                        _eobrun = (1 << run) + (run > 0 ? r.Bits(run) : 0);
                        break;
                    }
                    // ZRL: skip 16 zero coefficients (refining the non-zero ones passed over).
                }
                else
                {
                    if (s != 1) throw SpectraException.Invalid("JPEG refinement scan has a coefficient of more than one bit (the file is corrupt)");
                    value = r.Bit() != 0 ? p1 : m1;
                }
                while (k <= _se)
                {
                    if (block[k] != 0)
                    {
                        if (r.Bit() != 0 && (block[k] & p1) == 0) block[k] = Clamp(block[k] >= 0 ? block[k] + p1 : block[k] + m1);
                    }
                    else
                    {
                        if (run == 0)
                        {
                            if (value != 0) block[k] = (short)value;
                            k++;
                            break;
                        }
                        run--;
                    }
                    k++;
                }
                if (k > _se + 1) throw SpectraException.Invalid("JPEG refinement scan overflows its band (the file is corrupt)");
            }
        }
        if (_eobrun > 0)
        {
            for (; k <= _se; k++)
                if (block[k] != 0 && r.Bit() != 0 && (block[k] & p1) == 0)
                    block[k] = Clamp(block[k] >= 0 ? block[k] + p1 : block[k] + m1);
            _eobrun--;
        }
    }
}
