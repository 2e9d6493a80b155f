namespace Spectra.Data.Parquet;

/// <summary>What Spectra can do with a leaf column.</summary>
internal enum ColumnUse
{
    /// <summary>Numbers (one per row), usable as features.</summary>
    Numeric,
    /// <summary>A list of numbers per row, usable as a list column expanded into features.</summary>
    NumericList,
    /// <summary>Text (one per row), usable as a label column.</summary>
    Text,
    /// <summary>Not analysed (INT96, nested structs, maps, temporal, binary, lists of text); the reason says why.</summary>
    Skipped,
}

/// <summary>
/// One leaf column of a Parquet schema. <see cref="Name"/> is the top-level field the leaf belongs to
/// (what users select: "emb" for "emb.list.element"); <see cref="Path"/> is the full dotted path.
/// </summary>
internal sealed record ParquetColumn(
    int Index,
    string Name,
    string Path,
    PhysicalType PhysicalType,
    int TypeLength,
    LogicalType? LogicalType,
    ConvertedType ConvertedType,
    int MaxDefinitionLevel,
    int MaxRepetitionLevel,
    ColumnUse Use,
    string? SkipReason)
{
    /// <summary>Definition level at which a list is present but empty (the level above the first repeated node); 0 for flat columns.</summary>
    public int ListEmptyDefinitionLevel { get; init; }

    /// <summary>Lowest definition level at which a leaf slot exists (a value or a null element).</summary>
    public int ElementDefinitionLevel { get; init; }

    /// <summary>Decimal scale (from the logical or converted type), 0 otherwise.</summary>
    public int DecimalScale { get; init; }

    public bool IsDecimal { get; init; }

    public bool IsUnsigned { get; init; }

    public bool IsFloat16 { get; init; }

    /// <summary>A short type description for messages and listings ("FLOAT", "INT64 DECIMAL(10,2)", "LIST<FLOAT>").</summary>
    public string TypeDescription { get; init; } = "";

    public bool IsAnalysable => Use is ColumnUse.Numeric or ColumnUse.NumericList;
}
