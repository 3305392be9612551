using System.Reflection;
using System.Runtime.CompilerServices;

namespace HyperVSim.Flow.Tests;

/// <summary>
/// The public surface of an assembly as text: one line per exported type, then one indented line per
/// public or protected member, each group sorted ordinally, so a diff shows exactly what changed.
/// </summary>
internal static class PublicApiListing
{
    private static readonly NullabilityInfoContext Nullability = new();

    private const BindingFlags All =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Of(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (Type type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add(TypeLine(type));
            IEnumerable<string> members = type.GetMembers(All)
                .Select(MemberLine)
                .OfType<string>()
                .Order(StringComparer.Ordinal);
            lines.AddRange(members.Select(m => "    " + m));
        }

        return string.Join("\n", lines) + "\n";
    }

    private static string TypeLine(Type type)
    {
        string kind =
            type.IsEnum ? "enum"
            : type.IsInterface ? "interface"
            : type.IsValueType ? (type.IsDefined(typeof(IsReadOnlyAttribute), false) ? "readonly struct" : "struct")
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
            : type.IsAbstract && type.IsSealed ? "static class"
            : type.IsSealed ? "sealed class"
            : type.IsAbstract ? "abstract class"
            : "class";
        var supers = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum))
        {
            supers.Add(TypeName(baseType));
        }

        supers.AddRange(type.GetInterfaces().Select(TypeName).Order(StringComparer.Ordinal));
        return $"{kind} {TypeName(type)}" + (supers.Count == 0 ? string.Empty : " : " + string.Join(", ", supers));
    }

    private static bool Visible(MethodBase? m) => m is not null && (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly);

    private static string? MemberLine(MemberInfo member)
    {
        switch (member)
        {
            case ConstructorInfo c when Visible(c):
                return $"{Access(c)}{(c.IsStatic ? "static " : string.Empty)}.ctor({Parameters(c)})";
            case MethodInfo m when Visible(m) && !m.IsSpecialName:
                return $"{Access(m)}{(m.IsStatic ? "static " : string.Empty)}{Virtuality(m)}{Annotated(Nullability.Create(m.ReturnParameter))} {m.Name}{GenericParameters(m)}({Parameters(m)})";
            case MethodInfo m when Visible(m) && m.Name.StartsWith("op_", StringComparison.Ordinal):
                return $"static {TypeName(m.ReturnType)} {m.Name}({Parameters(m)})";
            case PropertyInfo p when Visible(p.GetMethod) || Visible(p.SetMethod):
                {
                    MethodBase accessor = Visible(p.GetMethod) ? p.GetMethod! : p.SetMethod!;
                    string accessors = (Visible(p.GetMethod) ? "get; " : string.Empty) + (Visible(p.SetMethod) ? (IsInit(p.SetMethod!) ? "init; " : "set; ") : string.Empty);
                    string index = p.GetIndexParameters().Length == 0 ? string.Empty : "[" + Parameters(p.GetIndexParameters()) + "]";
                    return $"{Access(accessor)}{(accessor.IsStatic ? "static " : string.Empty)}{Annotated(Nullability.Create(p))} {p.Name}{index} {{ {accessors}}}";
                }

            case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                if (f.DeclaringType!.IsEnum)
                {
                    return f.IsStatic ? $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}" : null;
                }

                return f.IsLiteral
                    ? $"const {TypeName(f.FieldType)} {f.Name} = {Literal(f.GetRawConstantValue())}"
                    : $"{(f.IsFamily ? "protected " : string.Empty)}{(f.IsStatic ? "static " : string.Empty)}{(f.IsInitOnly ? "readonly " : string.Empty)}{Annotated(Nullability.Create(f))} {f.Name}";
            case EventInfo e when Visible(e.AddMethod):
                return $"event {Annotated(Nullability.Create(e))} {e.Name}";
            case Type nested when nested.IsNestedPublic || nested.IsNestedFamily:
                return "nested " + TypeLine(nested);
            default:
                return null;
        }
    }

    private static string Access(MethodBase m) => m.IsPublic ? string.Empty : "protected ";

    private static string Virtuality(MethodInfo m)
    {
        if (m.IsAbstract)
        {
            return "abstract ";
        }

        if (!m.IsVirtual || (m.IsFinal && m.GetBaseDefinition() == m))
        {
            return string.Empty;
        }

        return m.GetBaseDefinition() == m ? "virtual " : "override ";
    }

    private static bool IsInit(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));

    private static string GenericParameters(MethodInfo m) =>
        m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Parameters(MethodBase m) => Parameters(m.GetParameters());

    private static string Parameters(ParameterInfo[] parameters) => string.Join(", ", parameters.Select(p =>
    {
        Type t = p.ParameterType;
        string modifier = t.IsByRef ? (p.IsOut ? "out " : p.IsIn ? "in " : "ref ") : string.Empty;
        NullabilityInfo info = Nullability.Create(p);
        string text = $"{modifier}{(t.IsByRef ? TypeName(t.GetElementType()!) : Annotated(info))} {p.Name}";
        return p.HasDefaultValue ? $"{text} = {Literal(p.DefaultValue)}" : text;
    }));

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>A type name with the nullable-reference annotations the compiler recorded (top level, array elements, type arguments).</summary>
    private static string Annotated(NullabilityInfo info)
    {
        Type type = info.Type;
        string name;
        if (type.IsArray && info.ElementType is { } element)
        {
            name = Annotated(element) + "[]";
        }
        else if (type.IsGenericType && Nullable.GetUnderlyingType(type) is null && info.GenericTypeArguments.Length > 0)
        {
            string bare = TypeName(type.GetGenericTypeDefinition());
            int angle = bare.IndexOf('<', StringComparison.Ordinal);
            name = bare[..angle] + "<" + string.Join(", ", info.GenericTypeArguments.Select(Annotated)) + ">";
        }
        else
        {
            name = TypeName(type);
        }

        bool nullableReference = !type.IsValueType && (info.ReadState == NullabilityState.Nullable || info.WriteState == NullabilityState.Nullable);
        return nullableReference ? name + "?" : name;
    }

    private static string TypeName(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return TypeName(inner) + "?";
        }

        if (type.IsArray)
        {
            return TypeName(type.GetElementType()!) + "[]";
        }

        string name = type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name : $"{type.Namespace}.{type.Name}";
        if (!type.IsGenericType)
        {
            return name;
        }

        int tick = name.IndexOf('`', StringComparison.Ordinal);
        return (tick < 0 ? name : name[..tick]) + "<" + string.Join(", ", type.GetGenericArguments().Select(TypeName)) + ">";
    }
}
