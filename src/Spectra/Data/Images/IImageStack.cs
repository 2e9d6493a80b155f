namespace Spectra.Data.Images;

/// <summary>The images of one file. <see cref="Decode"/> is safe to call from several threads at once.</summary>
internal interface IImageStack
{
    ImageHeader Header { get; }

    /// <summary>A name for image <paramref name="index"/> inside the file ("12", "arr_0#12"), or null for a single image.</summary>
    string? NameOf(int index);

    DecodedImage Decode(int index);
}
