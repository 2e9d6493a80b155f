namespace Spectra.Tests.Data.Hdf5;

/// <summary>
/// The HDF5 files the tests read, written once per run by h5py (an independent writer) into a temporary
/// folder, with the same arrays saved by numpy as .npy where a test compares the two inputs.
/// </summary>
public sealed class Hdf5Files : IDisposable
{
    /// <summary>Rows and features of the file larger than the memory budget of its test (25.6 MB of float32).</summary>
    public const int BigRows = 100_000, BigFeatures = 64;

    public Hdf5Files()
    {
        Folder = Directory.CreateTempSubdirectory("spectra-hdf5-").FullName;
        if (H5pyReference.Unavailable is not null) return;
        H5pyReference.Run(Folder, $$"""
            rng = np.random.default_rng(7)
            x = rng.standard_normal((200, 12)).astype(np.float32)
            with h5py.File('f32.h5', 'w') as f: f.create_dataset('x', data=x)
            np.save('f32.npy', x)

            y = rng.standard_normal((300, 10)) * np.linspace(1, 5, 10)
            with h5py.File('f64gz.h5', 'w') as f: f.create_dataset('data', data=y, chunks=(37, 4), compression='gzip', shuffle=True)
            np.save('f64.npy', y)

            u = np.arange(50 * 6 * 5, dtype=np.float64).reshape(50, 6, 5) * 0.5
            with h5py.File('img3.h5', 'w') as f: f.create_dataset('u', data=u, chunks=(7, 6, 2), compression='gzip')
            v = (np.arange(40 * 4 * 3 * 2) % 30000 - 15000).astype(np.int16).reshape(40, 4, 3, 2)
            with h5py.File('img4.h5', 'w') as f: f.create_dataset('v', data=v)

            with h5py.File('multi.h5', 'w') as f:
                f.create_dataset('a', data=rng.standard_normal((100, 5)))
                f.create_group('fields').create_dataset('u', data=rng.standard_normal((80, 4, 4)).astype(np.float32))
                f.create_dataset('labels', data=np.arange(100))
                f.create_dataset('names', data=np.array([b'a', b'b']))

            with h5py.File('ub.data', 'w', userblock_size=512) as f: f.create_dataset('x', data=x)

            with h5py.File('big.h5', 'w') as f:
                d = f.create_dataset('x', shape=({{BigRows}}, {{BigFeatures}}), dtype='f4', chunks=(2000, {{BigFeatures}}))
                for i in range(0, {{BigRows}}, 20000):
                    d[i:i + 20000] = rng.standard_normal((20000, {{BigFeatures}})).astype(np.float32) * np.linspace(0.5, 3, {{BigFeatures}}, dtype=np.float32)
            with h5py.File('big.h5', 'r') as f: np.save('big.npy', f['x'][...])

            # Headers that claim far more than the file holds: no data was ever written.
            with h5py.File('huge_chunked.h5', 'w') as f: f.create_dataset('x', shape=(10**9, 1000), dtype='f8', chunks=(1000, 1000))
            with h5py.File('huge_contiguous.h5', 'w') as f: f.create_dataset('x', shape=(10**6, 1000), dtype='f8')
            with h5py.File('strings.h5', 'w') as f: f.create_dataset('s', data=np.array([[b'a', b'b'], [b'c', b'd']]))
            with h5py.File('vector.h5', 'w') as f: f.create_dataset('v', data=np.arange(10.0))
            t = (np.arange(30 * 4) % 100).reshape(30, 4)
            with h5py.File('types.h5', 'w') as f:
                for name in ['i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8', 'f2', 'f4', 'f8']:
                    f.create_dataset(name, data=t.astype('<' + name), chunks=(7, 4) if name[1] in '48' else None, compression='gzip' if name == 'u8' else None)
            """);
    }

    public string Folder { get; }

    public string this[string name] => Path.Combine(Folder, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
