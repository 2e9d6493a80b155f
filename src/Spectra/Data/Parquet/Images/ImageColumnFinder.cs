namespace Spectra.Data.Parquet.Images;

/// <summary>
/// Which column of a Parquet file holds encoded images. Two layouts: the Hugging Face <c>datasets</c>
/// image struct <c>{bytes: binary, path: string}</c> (its <c>bytes</c> field), and a plain binary column
/// whose values are image files. A struct of that shape is an image column by its schema; a plain binary
/// column only when its first value carries an image format's magic bytes (text written without a
/// string annotation is binary too).
/// </summary>
internal static class ImageColumnFinder
{
    /// <summary>The bytes leaf of the image column: the one named <paramref name="name"/>, else the only one; null when there is none.</summary>
    public static ParquetColumn? Find(ParquetFile file, string? name)
    {
        var structs = file.Schema.Columns.Where(IsStructBytes).ToList();
        var plain = file.Schema.Columns.Where(c => IsBinary(c) && c.Path == c.Name).ToList();
        if (name is not null)
        {
            var named = structs.Concat(plain).FirstOrDefault(c => c.Name == name);
            if (named is not null) return named;
            var candidates = structs.Concat(plain).Select(c => c.Name).ToList();
            throw SpectraException.Naming(SpectraErrorKind.InvalidOption,
                $"the file has no binary or {{bytes, path}} image column '{name}'" + (candidates.Count > 0 ? $" (binary columns: {string.Join(", ", candidates)})" : ""),
                ["image_column"], file.Path, hint: "give {image_column} a column holding encoded images (PNG, JPEG, WebP, …)");
        }
        if (structs.Count == 1) return structs[0];
        var images = structs.Count > 1 ? structs : plain.Where(c => FirstValueIsImage(file, c)).ToList();
        if (images.Count <= 1) return images.FirstOrDefault();
        throw SpectraException.Naming(SpectraErrorKind.InvalidOption,
            $"the file has {images.Count} image columns ({string.Join(", ", images.Select(c => c.Name))})", ["image_column"], file.Path,
            hint: "choose one with {image_column}");
    }

    private static bool IsBinary(ParquetColumn c) =>
        c.PhysicalType == PhysicalType.ByteArray && c.MaxRepetitionLevel == 0 && !c.IsDecimal
        && (c.LogicalType is null ? c.ConvertedType == ConvertedType.None : c.LogicalType.Kind is not (LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json));

    private static bool IsStructBytes(ParquetColumn c) =>
        IsBinary(c) && c.Path == c.Name + ".bytes";

    private static bool FirstValueIsImage(ParquetFile file, ParquetColumn c)
    {
        for (int g = 0; g < file.RowGroupCount; g++)
        {
            if (file.RowGroupRows(g) == 0) continue;
            var data = file.ReadBinaryColumn(g, c);
            var first = data.Binaries!.Take(data.Rows).FirstOrDefault(b => b is not null);
            if (first is not null) return ImageFormats.Detect(first) is not null;
        }
        return false;
    }
}
