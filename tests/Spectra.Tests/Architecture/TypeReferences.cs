using System.Reflection.Emit;

namespace Spectra.Tests.Architecture;

/// <summary>
/// The types one type uses, read from the compiled assembly: its signatures (base type, interfaces,
/// fields, properties, method parameters and returns, attributes) and its method bodies (locals and every
/// type, method or field token in the IL). Reading the IL rather than the source also catches fully
/// qualified names and names reached through an enclosing namespace, which a scan of <c>using</c> misses.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Each type <paramref name="type"/> uses, with where it uses it.</summary>
    public static IEnumerable<(Type Used, string Where)> Of(Type type)
    {
        foreach (var t in Signature(type.BaseType)) yield return (t, "base type");
        foreach (var i in type.GetInterfaces()) foreach (var t in Signature(i)) yield return (t, "interface");
        foreach (var t in Attributes(type.GetCustomAttributesData())) yield return (t, "attribute");
        foreach (var f in type.GetFields(Declared))
        {
            foreach (var t in Signature(f.FieldType)) yield return (t, $"field {f.Name}");
            foreach (var t in Attributes(f.GetCustomAttributesData())) yield return (t, $"field {f.Name}");
        }
        foreach (var p in type.GetProperties(Declared))
        {
            foreach (var t in Signature(p.PropertyType)) yield return (t, $"property {p.Name}");
            foreach (var t in Attributes(p.GetCustomAttributesData())) yield return (t, $"property {p.Name}");
        }
        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            foreach (var t in Method(m)) yield return (t, $"method {m.Name}");
    }

    private static IEnumerable<Type> Method(MethodBase method)
    {
        if (method is MethodInfo info) foreach (var t in Signature(info.ReturnType)) yield return t;
        foreach (var p in method.GetParameters()) foreach (var t in Signature(p.ParameterType)) yield return t;
        foreach (var t in Attributes(method.GetCustomAttributesData())) yield return t;
        var body = method.GetMethodBody();
        if (body is null) yield break;
        foreach (var local in body.LocalVariables) foreach (var t in Signature(local.LocalType)) yield return t;
        var il = body.GetILAsByteArray() ?? Array.Empty<byte>();
        var typeArguments = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } g ? g.GetGenericArguments() : null;
        foreach (var token in MemberTokens(il))
        {
            var member = method.Module.ResolveMember(token, typeArguments, methodArguments);
            foreach (var t in Member(member)) yield return t;
        }
    }

    private static IEnumerable<Type> Member(MemberInfo? member) => member switch
    {
        Type t => Signature(t),
        FieldInfo f => Signature(f.DeclaringType).Concat(Signature(f.FieldType)),
        MethodInfo m => Signature(m.DeclaringType).Concat(Signature(m.ReturnType))
            .Concat(m.IsGenericMethod ? m.GetGenericArguments().SelectMany(Signature) : Enumerable.Empty<Type>()),
        MethodBase c => Signature(c.DeclaringType),
        _ => Enumerable.Empty<Type>(),
    };

    /// <summary>Tokens of the instructions whose operand names a type, a field or a method.</summary>
    private static IEnumerable<int> MemberTokens(byte[] il)
    {
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i++];
            if (value == 0xFE) value = unchecked((short)(0xFE00 | il[i++]));
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok:
                    yield return BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default:
                    i += OperandSize(op.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    private static IEnumerable<Type> Attributes(IEnumerable<CustomAttributeData> attributes)
    {
        foreach (var a in attributes)
        {
            foreach (var t in Signature(a.AttributeType)) yield return t;
            foreach (var arg in a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)))
                if (arg.Value is Type named) foreach (var t in Signature(named)) yield return t;
        }
    }

    /// <summary>The type with its element type and generic arguments unwrapped.</summary>
    private static IEnumerable<Type> Signature(Type? type)
    {
        if (type is null || type.IsGenericParameter) yield break;
        if (type.HasElementType)
        {
            foreach (var t in Signature(type.GetElementType())) yield return t;
            yield break;
        }
        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            foreach (var a in type.GetGenericArguments()) foreach (var t in Signature(a)) yield return t;
    }
}
