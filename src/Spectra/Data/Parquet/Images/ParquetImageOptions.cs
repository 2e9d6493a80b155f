namespace Spectra.Data.Parquet.Images;

/// <summary>How a Parquet table of encoded images becomes a sample matrix: the image options of a folder, plus the columns.</summary>
internal sealed record ParquetImageOptions
{
    /// <summary>The column holding the images (a {bytes, path} struct or a binary column); null: the only one.</summary>
    public string? ImageColumn { get; init; }

    /// <summary>A column (text or number) carried as each row's class label.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>Colour, resize and the pixel limit, as for an image folder.</summary>
    public ImageSourceOptions Images { get; init; } = new();

    /// <summary>Read at most this many rows, a uniformly random subset drawn with <see cref="ImageSourceOptions.Seed"/>.</summary>
    public long? MaxRows { get; init; }

    /// <summary>Compute the XXH128 of every input file's bytes as <see cref="SourceInfo.ContentHash"/>.</summary>
    public bool HashContent { get; init; } = true;
}
