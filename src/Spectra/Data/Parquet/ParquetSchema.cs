namespace Spectra.Data.Parquet;

/// <summary>The leaf columns of a file, derived from the footer's flattened schema tree.</summary>
internal sealed class ParquetSchema
{
    private ParquetSchema(IReadOnlyList<ParquetColumn> columns) => Columns = columns;

    public IReadOnlyList<ParquetColumn> Columns { get; }

    public ParquetColumn? Find(string nameOrPath) =>
        Columns.FirstOrDefault(c => c.Path == nameOrPath) ?? Columns.FirstOrDefault(c => c.Name == nameOrPath);

    private sealed record Node(SchemaElement Element, Node? Parent, int Def, int Rep);

    internal static ParquetSchema Build(IReadOnlyList<SchemaElement> elements)
    {
        var leaves = new List<ParquetColumn>();
        int next = 1;
        var root = new Node(elements[0], null, 0, 0);
        if (elements[0].NumChildren > elements.Count) throw ParquetErrors.Corrupt("the schema root claims more children than the schema holds");
        for (int c = 0; c < elements[0].NumChildren; c++) Walk(elements, ref next, root, new List<Node>(), leaves, 1);
        if (next != elements.Count) throw ParquetErrors.Corrupt($"the schema tree covers {next} of {elements.Count} elements");
        return new ParquetSchema(leaves);
    }

    private static void Walk(IReadOnlyList<SchemaElement> elements, ref int next, Node parent, List<Node> path,
        List<ParquetColumn> leaves, int depth)
    {
        if (depth > 64) throw ParquetErrors.Corrupt("the schema is nested deeper than 64 levels");
        if (next >= elements.Count) throw ParquetErrors.Corrupt("the schema tree needs more elements than the footer lists");
        var e = elements[next++];
        var rep = e.Repetition ?? Repetition.Optional;
        var node = new Node(e, parent, parent.Def + (rep == Repetition.Required ? 0 : 1), parent.Rep + (rep == Repetition.Repeated ? 1 : 0));
        path.Add(node);
        if (e.NumChildren > 0 || e.Type is null)
        {
            if (e.NumChildren > elements.Count - next) throw ParquetErrors.Corrupt($"group '{e.Name}' claims more children than the schema holds");
            for (int c = 0; c < e.NumChildren; c++) Walk(elements, ref next, node, path, leaves, depth + 1);
        }
        else
        {
            leaves.Add(Describe(leaves.Count, path));
        }
        path.RemoveAt(path.Count - 1);
    }

    private static ParquetColumn Describe(int index, List<Node> path)
    {
        var leafNode = path[^1];
        var leaf = leafNode.Element;
        var type = leaf.Type!.Value;
        string dotted = string.Join('.', path.Select(n => n.Element.Name));
        string name = path[0].Element.Name;
        int maxDef = leafNode.Def, maxRep = leafNode.Rep;
        var logical = leaf.LogicalType;
        bool isDecimal = logical?.Kind == LogicalTypeKind.Decimal || leaf.ConvertedType == ConvertedType.Decimal;
        int scale = logical?.Kind == LogicalTypeKind.Decimal ? logical.Scale : leaf.Scale;
        int precision = logical?.Kind == LogicalTypeKind.Decimal ? logical.Precision : leaf.Precision;
        bool isFloat16 = logical?.Kind == LogicalTypeKind.Float16;
        bool unsigned = (logical?.Kind == LogicalTypeKind.Integer && !logical.IsSigned)
            || leaf.ConvertedType is ConvertedType.UInt8 or ConvertedType.UInt16 or ConvertedType.UInt32 or ConvertedType.UInt64;
        // Unannotated BYTE_ARRAY is how older writers store text too; it may serve as a label column.
        bool isText = type == PhysicalType.ByteArray && !isDecimal
            && (logical is null ? leaf.ConvertedType is ConvertedType.None or ConvertedType.Utf8 or ConvertedType.Enum or ConvertedType.Json
                : logical.Kind is LogicalTypeKind.String or LogicalTypeKind.Enum or LogicalTypeKind.Json);

        string baseType = isDecimal ? $"{Upper(type)} DECIMAL({precision},{scale})"
            : isFloat16 ? "FLOAT16"
            : isText ? "STRING"
            : unsigned ? Upper(type) + " UNSIGNED"
            : Upper(type);

        string? reason = ScalarReason(type, leaf, logical, isDecimal, isFloat16, isText);
        string? structureReason = StructureReason(path);
        ColumnUse use;
        if (structureReason is not null)
        {
            use = ColumnUse.Skipped;
            reason = structureReason;
        }
        else if (maxRep > 0)
        {
            if (reason is null) use = ColumnUse.NumericList;
            else
            {
                use = ColumnUse.Skipped;
                reason = isText ? "list of strings (not analysed)" : "list of " + reason;
            }
        }
        else if (isText)
        {
            use = ColumnUse.Text;
            reason = "string column (usable as a label column, not as features)";
        }
        else use = reason is null ? ColumnUse.Numeric : ColumnUse.Skipped;

        int emptyDef = 0;
        if (maxRep > 0)
        {
            int firstRepeated = path.FindIndex(n => n.Element.Repetition == Repetition.Repeated);
            emptyDef = firstRepeated == 0 ? 0 : path[firstRepeated - 1].Def;
        }
        int elementDef = (leaf.Repetition ?? Repetition.Optional) == Repetition.Optional ? maxDef - 1 : maxDef;

        return new ParquetColumn(index, name, dotted, type, leaf.TypeLength, logical, leaf.ConvertedType, maxDef, maxRep, use,
            use is ColumnUse.Numeric or ColumnUse.NumericList ? null : reason)
        {
            ListEmptyDefinitionLevel = emptyDef,
            ElementDefinitionLevel = elementDef,
            DecimalScale = isDecimal ? scale : 0,
            IsDecimal = isDecimal,
            IsUnsigned = unsigned,
            IsFloat16 = isFloat16,
            TypeDescription = maxRep > 0 ? $"LIST<{baseType}>" : baseType,
        };
    }

    private static string Upper(PhysicalType t) => t switch
    {
        PhysicalType.Boolean => "BOOLEAN",
        PhysicalType.Int32 => "INT32",
        PhysicalType.Int64 => "INT64",
        PhysicalType.Int96 => "INT96",
        PhysicalType.Float => "FLOAT",
        PhysicalType.Double => "DOUBLE",
        PhysicalType.ByteArray => "BYTE_ARRAY",
        _ => "FIXED_LEN_BYTE_ARRAY",
    };

    // Why a leaf's values are not numbers Spectra analyses; null when they are.
    private static string? ScalarReason(PhysicalType type, SchemaElement leaf, LogicalType? logical, bool isDecimal, bool isFloat16, bool isText)
    {
        if (type == PhysicalType.Int96) return "INT96 (legacy timestamp, not analysed)";
        if (isText) return "string";
        if (logical?.Kind is LogicalTypeKind.Date or LogicalTypeKind.Time or LogicalTypeKind.Timestamp
            || leaf.ConvertedType is ConvertedType.Date or ConvertedType.TimeMillis or ConvertedType.TimeMicros
                or ConvertedType.TimestampMillis or ConvertedType.TimestampMicros)
            return "date/time column (not analysed)";
        if (logical?.Kind == LogicalTypeKind.Unrecognised) return "unknown logical type (written by a newer writer)";
        if (isDecimal)
        {
            if (type is PhysicalType.Int32 or PhysicalType.Int64) return null;
            if (type is PhysicalType.FixedLenByteArray or PhysicalType.ByteArray) return null;
            return "DECIMAL on an unexpected physical type";
        }
        return type switch
        {
            PhysicalType.Boolean or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.Float or PhysicalType.Double => null,
            PhysicalType.FixedLenByteArray when isFloat16 && leaf.TypeLength == 2 => null,
            PhysicalType.FixedLenByteArray => "fixed-length binary (not analysed)",
            _ => "binary column (not analysed)",
        };
    }

    // Lists (3-level, legacy 2-level, unannotated repeated leaves, nested lists) are read; structs and maps are not.
    private static string? StructureReason(List<Node> path)
    {
        for (int i = 0; i < path.Count - 1; i++)
        {
            var g = path[i].Element;
            bool isList = g.LogicalType?.Kind == LogicalTypeKind.List || g.ConvertedType == ConvertedType.List;
            bool isMap = g.LogicalType?.Kind == LogicalTypeKind.Map || g.ConvertedType is ConvertedType.Map or ConvertedType.MapKeyValue;
            if (isMap) return "map (not analysed)";
            if (isList) continue;
            bool repeatedChildOfList = g.Repetition == Repetition.Repeated && i > 0
                && (path[i - 1].Element.LogicalType?.Kind == LogicalTypeKind.List || path[i - 1].Element.ConvertedType == ConvertedType.List);
            if (repeatedChildOfList && g.NumChildren == 1) continue;
            return "field of a nested struct (not analysed)";
        }
        return null;
    }
}
