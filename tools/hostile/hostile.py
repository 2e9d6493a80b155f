#!/usr/bin/env python3
"""Hostile-input regression suite for the `spectra` command line.

Writes hostile or broken inputs of every class Spectra must survive (claimed sizes and bombs,
malformed files, devices, FIFOs and sockets, link loops, bad names, bad configuration) into a
scratch folder, runs the CLI on each under a timeout and an address-space cap, and checks the
outcome: within 10 s, below 1 GB peak resident memory, exit 3 with one error line naming the file
(and no internal error or stack trace), or exit 0 where the input is valid.

Usage: tools/hostile/hostile.py [--cli PATH] [--keep] [--only SUBSTRING]
Exit status: 0 when every case passes or is a listed known failure, 1 otherwise.
"""
import argparse
import gzip
import json
import os
import resource
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import zlib

TIMEOUT_S = 10.0
PEAK_LIMIT_MB = 1024
# Backstops for the machine, not the budget (judged on peak resident memory): an address-space cap
# roomy enough for the runtime's and the linear-algebra library's reservations on large machines, and
# a kill when the resident set passes twice the budget.
ADDRESS_SPACE_CAP = 16 << 30
KILL_RESIDENT_MB = 2 * PEAK_LIMIT_MB

# Cases known to fail, one line each: case -> reason (none today; a new one needs an issue).
# A listed case that passes is reported as "fixed" so that the entry can be removed.
KNOWN_FAILURES = {
}

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIGITS = os.path.join(ROOT, "data-samples", "digits")
EMBEDDINGS = os.path.join(ROOT, "data-samples", "embeddings", "embeddings.parquet")


# ---------------------------------------------------------------- writers of hostile files

def png(width, height, raw, color_type=0, depth=8):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def deflated_zeros(count, prefix=b"", wbits=zlib.MAX_WBITS):
    """`prefix` then `count` zero bytes, deflated a megabyte at a time (zlib stream, or gzip with wbits 31)."""
    z = zlib.compressobj(1, zlib.DEFLATED, wbits)
    out = [z.compress(prefix)]
    block = bytes(1 << 20)
    while count > 0:
        n = min(count, len(block))
        out.append(z.compress(block[:n]))
        count -= n
    out.append(z.flush())
    return b"".join(out)


def npy(shape, descr="<f8", data=b""):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (descr, repr(tuple(shape)))
    header = header.ljust(118) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + data


def bmp(width, height, bits=24, pixel_bytes=b""):
    info = struct.pack("<IiiHHIIiiII", 40, width, height, 1, bits, 0, 0, 2835, 2835, 0, 0)
    return b"BM" + struct.pack("<IHHI", 14 + 40 + len(pixel_bytes), 0, 0, 54) + info + pixel_bytes


def jpeg_sof(width, height):
    sof = struct.pack(">HBHHB", 11, 8, height, width, 1) + bytes([1, 0x11, 0])
    return b"\xff\xd8" + b"\xff\xc0" + sof + b"\xff\xd9"


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    return path


def copy_images(src, dst, count):
    os.makedirs(dst, exist_ok=True)
    names = sorted(os.listdir(src))[:count]
    for n in names:
        shutil.copy(os.path.join(src, n), os.path.join(dst, n))
    return dst


# ---------------------------------------------------------------- the cases

class Case:
    def __init__(self, klass, name, args, exit_code=3, needle=None, forbid=(), one_line=True):
        self.klass, self.name, self.args = klass, name, args
        self.exit_code, self.needle, self.forbid, self.one_line = exit_code, needle, forbid, one_line


def hdf5_cases(add, p, m, e):
    """HDF5 files written by h5py (python3-h5py), then broken: a claimed size, a cut, noise, flipped bytes."""
    try:
        import h5py
        import numpy as np
    except ImportError:
        print("hostile: h5py not importable, HDF5 cases left out (apt-get install python3-h5py)")
        return
    os.makedirs(p("h5"), exist_ok=True)
    with h5py.File(p("h5", "good.h5"), "w") as f:
        f.create_dataset("x", data=np.random.default_rng(1).standard_normal((400, 16)), chunks=(50, 16), compression="gzip", shuffle=True)
    add(Case(e, "hdf5 valid (gzip, shuffle)", ["analyze", p("h5", "good.h5")], exit_code=0))
    with h5py.File(p("h5", "claim.h5"), "w") as f:
        f.create_dataset("x", shape=(10 ** 9, 1000), dtype="f8", chunks=(1000, 1000))
    add(Case(m, "hdf5 claims 10^12 doubles", ["analyze", p("h5", "claim.h5")], needle="claim.h5"))
    good = open(p("h5", "good.h5"), "rb").read()
    write(p("h5", "half.h5"), good[: len(good) // 2])
    add(Case(e, "hdf5 truncated in half", ["analyze", p("h5", "half.h5")], needle="half.h5"))
    write(p("h5", "noise.h5"), b"\x89HDF\r\n\x1a\n" + os.urandom(4096))
    add(Case(e, "hdf5 signature then noise", ["analyze", p("h5", "noise.h5")], needle="noise.h5"))
    flipped = bytearray(good)
    for i in range(8, len(flipped), 997):
        flipped[i] ^= 0x5A
    write(p("h5", "flip.h5"), bytes(flipped))
    add(Case(e, "hdf5 with flipped bytes", ["analyze", p("h5", "flip.h5")], needle="flip.h5"))


def build_cases(cli, w):
    """Writes the inputs under w and returns the cases; every path in a case is relative to w."""
    cases = []
    add = cases.append
    p = lambda *parts: os.path.join(w, *parts)
    digits0 = os.path.join(DIGITS, "0")
    good = copy_images(digits0, p("good"), 30)

    # A valid baseline and rules file of the good folder, made once.
    subprocess.run([cli, "baseline", good, "-o", p("baseline.json"), "--replicates", "2", "-q"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    baseline = json.load(open(p("baseline.json")))
    write(p("rules.yaml"), b"rules:\n  - metric: spacing_ratio.mean\n    warn: {max_delta: 0.5}\n")

    def bad_baseline(name, change):
        b = json.loads(json.dumps(baseline))
        text = change(b)
        return write(p("baselines", name), (text if isinstance(text, str) else json.dumps(b)).encode())

    # ---- 1. memory: claimed sizes and bombs
    m = "memory"
    write(p("m-png-claim", "a.png"), png(100000, 100000, zlib.compress(b"\0" * 10)))
    add(Case(m, "png claims 10^10 pixels", ["analyze", p("m-png-claim")], needle="a.png"))
    write(p("m-png-bomb", "a.png"), png(9000, 9000, deflated_zeros(9001 * 9000)))
    add(Case(m, "png deflate bomb 81 Mpx", ["analyze", p("m-png-bomb")], needle="m-png-bomb"))
    bomb = png(4000, 4000, deflated_zeros(4001 * 4000))
    for i in range(40):
        write(p("m-png-many", "%02d.png" % i), bomb)
    # Valid images: whether they fit depends on the budget, so the case names one they cannot fit (5.1 GB held).
    add(Case(m, "40 png bombs of 16 Mpx", ["analyze", p("m-png-many"), "--memory-limit", "4G"], needle="m-png-many"))
    write(p("m-npy-claim", "a.npy"), npy((100000, 100000), data=bytes(64)))
    add(Case(m, "npy claims 10^10 doubles", ["analyze", p("m-npy-claim", "a.npy")], needle="a.npy"))
    write(p("m-bmp-claim", "a.bmp"), bmp(50000, 50000))
    add(Case(m, "bmp claims 2.5 Gpx", ["analyze", p("m-bmp-claim")], needle="a.bmp"))
    write(p("m-jpeg-claim", "a.jpg"), jpeg_sof(65000, 65000))
    add(Case(m, "jpeg claims 65000^2", ["analyze", p("m-jpeg-claim")], needle="a.jpg"))
    add(Case(m, "jpeg claims 65000^2, reduced-scale decode", ["analyze", p("m-jpeg-claim"), "--resize", "8x8", "--jpeg-draft"], needle="a.jpg"))
    write(p("m-idx-bomb", "t-images-idx3-ubyte.gz"), deflated_zeros(768 << 20, struct.pack(">IIII", 0x803, 1, 28, 28), wbits=31))
    add(Case(m, "idx gzip bomb 768 MB", ["analyze", p("m-idx-bomb", "t-images-idx3-ubyte.gz")], needle="t-images-idx3-ubyte.gz"))
    write(p("m-idx-claim", "c-images-idx3-ubyte"), struct.pack(">IIII", 0x803, 2000000000, 28, 28) + bytes(784))
    add(Case(m, "idx claims 2e9 images", ["analyze", p("m-idx-claim", "c-images-idx3-ubyte")], needle="c-images-idx3-ubyte"))
    pq = open(EMBEDDINGS, "rb").read()
    write(p("m-parquet-footer", "a.parquet"), pq[:-8] + struct.pack("<I", 0x7FFFFFF0) + b"PAR1")
    add(Case(m, "parquet footer claims 2 GB", ["analyze", p("m-parquet-footer", "a.parquet")], needle="a.parquet"))
    write(p("m-pgm-claim", "a.pgm"), b"P5\n60000 60000\n255\n" + bytes(100))
    add(Case(m, "pgm claims 3.6 Gpx", ["analyze", p("m-pgm-claim")], needle="a.pgm"))

    # ---- 3. exceptions: truncated and corrupted files
    e = "exception"
    sample = open(os.path.join(digits0, sorted(os.listdir(digits0))[0]), "rb").read()
    for cut in (8, 30, len(sample) // 2, len(sample) - 13):
        d = copy_images(digits0, p("e-png-cut-%d" % cut), 5)
        write(os.path.join(d, "zz.png"), sample[:cut])
        add(Case(e, "png truncated at %d" % cut, ["analyze", d], needle="zz.png"))
    write(p("e-parquet-half", "a.parquet"), pq[: len(pq) // 2])
    add(Case(e, "parquet truncated in half", ["analyze", p("e-parquet-half", "a.parquet")], needle="a.parquet"))
    flipped = bytearray(pq)
    for i in range(4, len(flipped) - 8, 997):
        flipped[i] ^= 0x5A
    write(p("e-parquet-flip", "a.parquet"), bytes(flipped))
    add(Case(e, "parquet with flipped bytes", ["analyze", p("e-parquet-flip", "a.parquet")], needle="a.parquet"))
    write(p("e-npy-dtype", "a.npy"), npy((2, 2), descr="<c32", data=bytes(128)))
    add(Case(e, "npy with unknown dtype", ["analyze", p("e-npy-dtype", "a.npy")], needle="a.npy"))
    write(p("e-levels-word", "levels.txt"), b"0.5\n1.25\nbanana\n2.0\n")
    add(Case(e, "level list with a word", ["analyze", p("e-levels-word", "levels.txt")], needle="levels.txt"))
    write(p("e-levels-nan", "levels.txt"), b"0.5\n1.25\nnan\n2.0\n")
    add(Case(e, "level list with a NaN", ["analyze", p("e-levels-nan", "levels.txt")], needle="levels.txt"))
    write(p("m-levels-claim", "levels.npy"), npy((10 ** 12,), data=bytes(64)))
    add(Case(m, "level vector claims 10^12 levels", ["analyze", p("m-levels-claim", "levels.npy")], needle="levels.npy"))
    hdf5_cases(add, p, m, e)
    write(p("e-pgm-maxval", "a.pgm"), b"P5 2 2 0\n\0\0\0\0")
    add(Case(e, "pgm maxval 0", ["analyze", p("e-pgm-maxval")], needle="a.pgm"))
    write(p("e-jpeg-garbage", "a.jpg"), b"\xff\xd8\xff\xdb\x00\x43\x00" + bytes(range(64)) + b"\xff\xc4\xff\xff" + bytes(300))
    add(Case(e, "jpeg with a broken table", ["analyze", p("e-jpeg-garbage")], needle="a.jpg"))
    add(Case(e, "jpeg with a broken table, reduced-scale decode", ["analyze", p("e-jpeg-garbage"), "--resize", "8x8", "--jpeg-draft"], needle="a.jpg"))

    # ---- 2. files: only regular files, every walk terminates
    f = "files"
    d = copy_images(digits0, p("f-fifo-png"), 10)
    os.mkfifo(os.path.join(d, "zz.png"))
    add(Case(f, "fifo zz.png in a folder", ["analyze", d], needle="zz.png"))
    d = copy_images(digits0, p("f-fifo-txt"), 10)
    os.mkfifo(os.path.join(d, "notes.txt"))
    add(Case(f, "fifo notes.txt in a folder (ignored)", ["analyze", d], exit_code=0))
    os.makedirs(p("f-fifo-parquet"))
    shutil.copy(EMBEDDINGS, p("f-fifo-parquet", "a.parquet"))
    os.mkfifo(p("f-fifo-parquet", "zz.parquet"))
    add(Case(f, "fifo zz.parquet in a Parquet folder", ["analyze", p("f-fifo-parquet")], needle="zz.parquet"))
    os.mkfifo(p("fifo-input"))
    add(Case(f, "fifo as the input", ["analyze", p("fifo-input")], needle="fifo-input"))
    add(Case(f, "/dev/zero as the input", ["analyze", "/dev/zero"], needle="/dev/zero"))
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(p("socket-input"))
    add(Case(f, "socket as the input", ["analyze", p("socket-input")], needle="socket-input"))
    for dev in ("/dev/zero", "/dev/urandom"):
        add(Case(f, "--baseline " + dev, ["check", good, "--baseline", dev], needle=dev))
    add(Case(f, "--rules /dev/zero", ["check", good, "--baseline", p("baseline.json"), "--rules", "/dev/zero"], needle="/dev/zero"))
    os.mkfifo(p("fifo-rules.yaml"))
    add(Case(f, "--rules FIFO", ["check", good, "--baseline", p("baseline.json"), "--rules", p("fifo-rules.yaml")], needle="fifo-rules.yaml"))
    os.makedirs(p("f-labels"))
    write(p("f-labels", "t10k-images-idx3-ubyte"), struct.pack(">IIII", 0x803, 20, 4, 4) + bytes(i % 256 for i in range(20 * 16)))
    os.symlink("/dev/zero", p("f-labels", "t10k-labels-idx1-ubyte"))
    add(Case(f, "labels file linked to /dev/zero", ["analyze", p("f-labels", "t10k-images-idx3-ubyte")], needle="t10k-labels-idx1-ubyte"))
    write(p("f-labels-big", "t10k-images-idx3-ubyte"), struct.pack(">IIII", 0x803, 20, 4, 4) + bytes(i % 256 for i in range(20 * 16)))
    write(p("f-labels-big", "t10k-labels-idx1-ubyte"), struct.pack(">II", 0x801, 20) + bytes(64 << 20))
    add(Case(f, "labels file of 64 MB for 20 images", ["analyze", p("f-labels-big", "t10k-images-idx3-ubyte")], needle="t10k-labels-idx1-ubyte"))
    d = copy_images(digits0, p("f-loop"), 10)
    os.symlink(".", os.path.join(d, "self"))
    os.symlink("../f-loop", os.path.join(d, "up"))
    add(Case(f, "folder links to itself", ["analyze", d], exit_code=0))
    copy_images(digits0, p("f-cross", "a"), 6)
    copy_images(os.path.join(DIGITS, "1"), p("f-cross", "b"), 6)
    for i in range(3):
        os.symlink("../b", p("f-cross", "a", "to-b%d" % i))
        os.symlink("../a", p("f-cross", "b", "to-a%d" % i))
    add(Case(f, "three links each way between two folders", ["analyze", p("f-cross")], exit_code=0))
    d = copy_images(digits0, p("f-link-loop"), 10)
    os.symlink("x.png", os.path.join(d, "x.png"))
    add(Case(f, "a link to itself named x.png", ["analyze", d], needle="x.png"))
    d = copy_images(digits0, p("f-dangling"), 10)
    os.symlink("nowhere.png", os.path.join(d, "gone.png"))
    add(Case(f, "a dangling link named gone.png", ["analyze", d], needle="gone.png"))
    d = copy_images(digits0, p("f-dev-link"), 10)
    os.symlink("/dev/zero", os.path.join(d, "zero.npy"))
    add(Case(f, "a link to /dev/zero named zero.npy", ["analyze", d], needle="zero.npy"))
    d = copy_images(digits0, p("f-socket"), 10)
    sock2 = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock2.bind(os.path.join(d, "s.png"))
    add(Case(f, "socket s.png in a folder", ["analyze", d], needle="s.png"))
    os.makedirs(p("f-parquet-dev"))
    shutil.copy(EMBEDDINGS, p("f-parquet-dev", "a.parquet"))
    os.symlink("/dev/urandom", p("f-parquet-dev", "r.parquet"))
    add(Case(f, "r.parquet linked to /dev/urandom", ["analyze", p("f-parquet-dev")], needle="r.parquet"))
    os.mkfifo(p("report-fifo.json"))
    add(Case(f, "compare with a FIFO report", ["compare", p("report-fifo.json"), good], needle="report-fifo.json"))
    deep = p("f-deep")
    copy_images(digits0, deep, 4)
    for i in range(30):
        os.symlink("." if i == 0 else "l%d" % (i - 1), os.path.join(deep, "l%d" % i))
    add(Case(f, "a chain of 30 folder links", ["analyze", deep], exit_code=0))
    write(p("huge-baseline.json"), b" " * (5 << 20) + b"{}")
    add(Case(f, "a 5 MB baseline", ["check", good, "--baseline", p("huge-baseline.json")], needle="huge-baseline.json"))

    # ---- 4. messages: escapes, bad names, bad configuration
    g = "messages"
    d = copy_images(digits0, p("g-newline"), 10)
    write(os.path.join(d, "bad\nerror: forged.png"), b"not an image")
    add(Case(g, "file name with a newline", ["analyze", d], needle="bad\\nerror: forged.png"))
    d = copy_images(digits0, p("g-escape"), 10)
    write(os.path.join(d, "x\x1b[31mred.png"), b"not an image")
    add(Case(g, "file name with a terminal escape", ["analyze", d], needle="x\\e[31mred.png", forbid=("\x1b",)))
    d = copy_images(digits0, p("g-utf8"), 10)
    write(os.fsencode(d) + b"/caf\xe9.png", open(os.path.join(d, sorted(os.listdir(d))[0]), "rb").read())
    add(Case(g, "file name not valid UTF-8", ["analyze", d], needle="not valid UTF-8"))
    add(Case(g, "--baseline DIR", ["check", good, "--baseline", p("good")], needle="is a folder"))
    add(Case(g, "--html DIR", ["analyze", good, "--html", p("good")], needle="is a folder"))
    add(Case(g, "baseline -o DIR", ["baseline", good, "-o", p("good"), "--replicates", "2"], needle="is a folder"))
    d = copy_images(digits0, p("g-pgm-comment"), 0)
    write(os.path.join(d, "a.pgm"), b"P5\n#" + b"c" * (3 << 20) + b"\n8 8\n255\n" + bytes(range(64)))
    write(os.path.join(d, "b.pgm"), b"P5\n8 8\n255\n" + bytes(range(64, 128)))
    write(os.path.join(d, "c.pgm"), b"P5\n8 8\n255\n" + bytes(range(128, 192)))
    add(Case(g, "valid pgm with a 3 MB comment", ["analyze", d], exit_code=0))
    write(p("g-pam", "a.pam"), b"P7\nWIDTH 4\nHEIGHT 4\nDEPTH 1\nMAXVAL 255\n" + bytes([0x8F, 0x41, 0x9C, 10]) + bytes(12))
    add(Case(g, "pam without ENDHDR", ["analyze", p("g-pam")], needle="ENDHDR", forbid=("unknown field",)))
    write(p("g-pam-end", "a.pam"), b"P7\nWIDTH 4\nHEIGHT 4\nDEPTH 1\nMAXVAL 255\n" + bytes([0x8F, 0x41, 0x9C]) + bytes(13))
    add(Case(g, "pam without ENDHDR nor newline", ["analyze", p("g-pam-end")], needle="ENDHDR"))
    d = copy_images(digits0, p("g-one"), 1)
    add(Case(g, "one image: names the input", ["analyze", d, "--reference-draws", "0"], needle="g-one"))
    add(Case(g, "--max-samples banana", ["analyze", good, "--max-samples", "banana"], needle="an integer", forbid=("System.",)))
    write(p("rules-misspelt.yaml"), b"rules:\n  - metric: spacing_ratio.mean\n    warn: {max_sigmas: 3}\n")
    add(Case(g, "misspelt rule key", ["check", good, "-b", p("baseline.json"), "-r", p("rules-misspelt.yaml")],
             needle="unknown key 'max_sigmas'", forbid=("Dto", "Spectra.Checks")))
    write(p("rules-dup.yaml"), b"rules:\n  - metric: spacing_ratio.mean\n    warn: {max_sigma: 3}\n    warn: {max_sigma: 9}\n")
    add(Case(g, "duplicate YAML key", ["check", good, "-b", p("baseline.json"), "-r", p("rules-dup.yaml")], needle="rules-dup.yaml"))
    write(p("rules-type.json"), b'{"rules": [{"metric": "spacing_ratio.mean", "warn": {"max_sigma": "three"}}]}')
    add(Case(g, "JSON rule of the wrong type", ["check", good, "-b", p("baseline.json"), "-r", p("rules-type.json")],
             needle="must be a number", forbid=("System.",)))
    cases_b = [
        ("k_top -5", lambda b: b["options"].__setitem__("k_top", "-5"), "k_top"),
        ("eta banana", lambda b: b["options"].__setitem__("eta", "banana"), "eta"),
        ("unknown option", lambda b: b["options"].__setitem__("k_tops", "3"), "k_tops"),
        ("negative spread", lambda b: b["metrics"]["spacing_ratio.mean"].__setitem__("spread", -1), "spread"),
        ("samples as text", lambda b: b["matrix"].__setitem__("samples", "many"), "matrix.samples"),
        ("duplicate key", lambda b: json.dumps(b)[:-1] + ', "metrics": {}}', "metrics"),
        ("not JSON", lambda b: "{ this is not json", "not valid JSON"),
    ]
    for name, change, needle in cases_b:
        path = bad_baseline(name.replace(" ", "-") + ".json", change)
        add(Case(g, "baseline " + name, ["check", good, "--baseline", path], needle=needle))
        cases[-1].needle2 = os.path.basename(path)
    write(p("rules-nan.yaml"), b"rules:\n  - metric: spacing_ratio.mean\n    fail: {min: .nan}\n")
    add(Case(g, "rule bound NaN", ["check", good, "-b", p("baseline.json"), "-r", p("rules-nan.yaml")], needle="rules-nan.yaml"))
    write(p("rules-deep.yaml"), b"rules: " + b"[" * 100000 + b"]" * 100000 + b"\n")
    add(Case(g, "rules nested 100000 deep", ["check", good, "-b", p("baseline.json"), "-r", p("rules-deep.yaml")],
             needle="rules-deep.yaml", forbid=("System.", "Version=")))
    write(p("baselines", "deep.json"), b"[" * 100000 + b"]" * 100000)
    add(Case(g, "baseline nested 100000 deep", ["check", good, "--baseline", p("baselines", "deep.json")], needle="deep.json"))
    add(Case(g, "--json DIR", ["analyze", good, "--json", p("good")], needle="is a folder"))
    add(Case(g, "valid parquet runs", ["analyze", EMBEDDINGS, "--reference-draws", "0"], exit_code=0))
    add(Case(g, "valid check runs", ["check", good, "--baseline", p("baseline.json"), "--rules", p("rules.yaml")], exit_code=None))
    return cases, (sock, sock2)


# ---------------------------------------------------------------- running

def resident_mb(pid):
    try:
        with open("/proc/%d/statm" % pid) as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1 << 20)
    except (OSError, ValueError, IndexError):
        return 0.0


def run_case(cli, case):
    def limits():
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_CAP, ADDRESS_SPACE_CAP))
        os.setsid()
    err = tempfile.TemporaryFile()
    start = time.monotonic()
    proc = subprocess.Popen([cli] + case.args + ["-q"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err,
                            preexec_fn=limits)
    timed_out = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid != 0:
            break
        if time.monotonic() - start > TIMEOUT_S or resident_mb(proc.pid) > KILL_RESIDENT_MB:
            timed_out = time.monotonic() - start > TIMEOUT_S
            os.killpg(proc.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    seconds = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err.seek(0)
    stderr = err.read().decode("utf-8", "replace")
    peak_mb = usage.ru_maxrss / 1024.0
    return proc.returncode, peak_mb, seconds, timed_out, stderr


def judge(case, code, peak_mb, seconds, timed_out, stderr):
    if timed_out:
        return "hang (killed after %.0f s)" % TIMEOUT_S
    if peak_mb > PEAK_LIMIT_MB:
        return "memory (%.0f MB peak%s)" % (peak_mb, ", killed" if code == -signal.SIGKILL else "")
    if code < 0:
        return "crash (signal %d)" % -code
    if "internal error" in stderr or "\n   at " in stderr:
        return "internal error"
    if case.exit_code is None:
        return None if code in (0, 1, 2) else "exit %d, expected a check result (0-2)" % code
    if code != case.exit_code:
        return "exit %d, expected %d" % (code, case.exit_code)
    if code == 3:
        lines = [l for l in stderr.splitlines() if l.strip()]
        if case.one_line and len([l for l in lines if l.startswith("error")]) != 1:
            return "%d error lines, expected 1" % len([l for l in lines if l.startswith("error")])
        if case.needle and case.needle not in stderr:
            return "message lacks %r" % case.needle
        if getattr(case, "needle2", None) and case.needle2 not in stderr:
            return "message lacks %r" % case.needle2
    for bad in case.forbid:
        if bad in stderr:
            return "message holds %r" % bad
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=os.path.join(ROOT, "src", "Spectra.Cli", "bin", "Debug", "net10.0", "Spectra.Cli"))
    ap.add_argument("--keep", action="store_true", help="keep the scratch folder")
    ap.add_argument("--only", help="run only cases whose name holds this text")
    a = ap.parse_args()
    if not os.access(a.cli, os.X_OK):
        sys.exit("hostile: no CLI at %s; build it first (dotnet build src/Spectra.Cli)" % a.cli)
    work = tempfile.mkdtemp(prefix="spectra-hostile-")
    began = time.monotonic()
    failures = fixed = known = ran = 0
    try:
        cases, sockets = build_cases(a.cli, work)
        print("inputs written in %.1f s" % (time.monotonic() - began))
        print("%-10s %-44s %4s %8s %6s  %s" % ("class", "case", "exit", "peak MB", "s", "verdict"))
        for case in cases:
            if a.only and a.only not in case.name:
                continue
            code, peak, seconds, timed_out, stderr = run_case(a.cli, case)
            ran += 1
            problem = judge(case, code, peak, seconds, timed_out, stderr)
            if problem is None and case.name in KNOWN_FAILURES:
                verdict, fixed = "pass (fixed: remove from KNOWN_FAILURES)", fixed + 1
            elif problem is None:
                verdict = "pass"
            elif case.name in KNOWN_FAILURES:
                verdict, known = "known failure: %s (%s)" % (problem, KNOWN_FAILURES[case.name]), known + 1
            else:
                verdict, failures = "FAIL: " + problem, failures + 1
            print("%-10s %-44s %4d %8.0f %6.2f  %s" % (case.klass, case.name[:44], code, peak, seconds, verdict))
            if problem is not None and case.name not in KNOWN_FAILURES:
                print("           stderr: " + stderr.strip().replace("\n", "\n                   ")[:600])
            sys.stdout.flush()
        for s in sockets:
            s.close()
    finally:
        if a.keep:
            print("inputs kept in " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("hostile inputs: %d cases, %d failed, %d known failures, %d fixed known failures, %.0f s in all"
          % (ran, failures, known, fixed, time.monotonic() - began))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
