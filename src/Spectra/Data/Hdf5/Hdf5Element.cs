namespace Spectra.Data.Hdf5;

/// <summary>The element types read as features: IEEE floats and two's-complement integers, each converted to double.</summary>
internal enum Hdf5ElementKind
{
    Float16,
    Float32,
    Float64,
    Int8,
    UInt8,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
}

internal static class Hdf5Element
{
    /// <summary>The kind of a dataset's elements, or null (with the reason) when they are not numbers Spectra reads.</summary>
    public static (Hdf5ElementKind? Kind, string Description) Classify(IH5DataType type)
    {
        int size = type.Size;
        switch (type.Class)
        {
            case H5DataTypeClass.FloatingPoint:
                return size switch
                {
                    2 => (Hdf5ElementKind.Float16, "float16"),
                    4 => (Hdf5ElementKind.Float32, "float32"),
                    8 => (Hdf5ElementKind.Float64, "float64"),
                    _ => (null, $"a {size * 8}-bit float"),
                };
            case H5DataTypeClass.FixedPoint:
                bool signed = type.FixedPoint.IsSigned;
                Hdf5ElementKind? kind = (size, signed) switch
                {
                    (1, true) => Hdf5ElementKind.Int8,
                    (1, false) => Hdf5ElementKind.UInt8,
                    (2, true) => Hdf5ElementKind.Int16,
                    (2, false) => Hdf5ElementKind.UInt16,
                    (4, true) => Hdf5ElementKind.Int32,
                    (4, false) => Hdf5ElementKind.UInt32,
                    (8, true) => Hdf5ElementKind.Int64,
                    (8, false) => Hdf5ElementKind.UInt64,
                    _ => null,
                };
                return (kind, $"{(signed ? "int" : "uint")}{size * 8}");
            default:
                return (null, Describe(type.Class));
        }
    }

    public static int Size(Hdf5ElementKind kind) => kind switch
    {
        Hdf5ElementKind.Int8 or Hdf5ElementKind.UInt8 => 1,
        Hdf5ElementKind.Float16 or Hdf5ElementKind.Int16 or Hdf5ElementKind.UInt16 => 2,
        Hdf5ElementKind.Float32 or Hdf5ElementKind.Int32 or Hdf5ElementKind.UInt32 => 4,
        _ => 8,
    };

    private static string Describe(H5DataTypeClass c) => c switch
    {
        H5DataTypeClass.String => "strings",
        H5DataTypeClass.Compound => "a compound type (a record of fields)",
        H5DataTypeClass.Enumerated => "an enumeration",
        H5DataTypeClass.VariableLength => "variable-length values",
        H5DataTypeClass.Array => "an array type",
        H5DataTypeClass.Reference => "references",
        H5DataTypeClass.Opaque => "opaque bytes",
        H5DataTypeClass.BitField => "a bit field",
        H5DataTypeClass.Time => "a time type",
        _ => c.ToString(),
    };
}
