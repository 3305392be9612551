using System.Reflection;
using System.Text;

namespace HyperVSim.Engine.Tests;

/// <summary>
/// Lists the public surface of an assembly as sorted text, one line per type and per member, so a
/// snapshot comparison shows what was added or removed. Protected members count: subclasses see them.
/// </summary>
internal static class PublicApiListing
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Of(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (Type type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            string header = TypeHeader(type);
            lines.Add(header);
            // Members sorted by name, then signature (enum values by value), so overloads sit together.
            var members = type.GetMembers(Declared)
                .Where(IsVisible)
                .Select(m => (Member: m, Text: Describe(m)))
                .Where(m => m.Text is not null)
                .OrderBy(m => type.IsEnum && m.Member is FieldInfo f ? Convert.ToInt64(f.GetRawConstantValue()) : 0)
                .ThenBy(m => m.Member is ConstructorInfo ? string.Empty : m.Member.Name, StringComparer.Ordinal)
                .ThenBy(m => m.Text, StringComparer.Ordinal);
            lines.AddRange(members.Select(m => "  " + m.Text));
        }

        return string.Join("\n", lines) + "\n";
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(IsVisible),
        EventInfo e => e.AddMethod is { } add && IsVisible(add),
        Type t => t.IsNestedPublic || t.IsNestedFamily || t.IsNestedFamORAssem,
        _ => false,
    };

    private static string TypeHeader(Type type)
    {
        string kind = type.IsEnum ? "enum"
            : type.IsInterface ? "interface"
            : type.IsValueType ? (type.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute)) ? "readonly struct" : "struct")
            : type.IsSubclassOf(typeof(Delegate)) ? "delegate"
            : type.IsAbstract && type.IsSealed ? "static class"
            : (type.IsSealed ? "sealed " : type.IsAbstract ? "abstract " : string.Empty) + "class";
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum))
        {
            bases.Add(Name(b));
        }

        if (!type.IsEnum)
        {
            bases.AddRange(type.GetInterfaces().Select(Name).Order(StringComparer.Ordinal));
        }
        return $"{kind} {Name(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty);
    }

    private static string? Describe(MemberInfo member)
    {
        string access = member switch
        {
            MethodBase m when !m.IsPublic => "protected ",
            FieldInfo f when !f.IsPublic => "protected ",
            _ => string.Empty,
        };
        return member switch
        {
            ConstructorInfo c => $"{access}{Static(c)}ctor({Parameters(c)})",
            MethodInfo m when IsAccessor(m) => null,
            MethodInfo m => $"{access}{Static(m)}{Modifiers(m)}{Name(m.ReturnType)} {m.Name}{GenericArguments(m)}({Parameters(m)})",
            PropertyInfo p => $"{(p.GetAccessors(true).First().IsStatic ? "static " : string.Empty)}{Name(p.PropertyType)} {p.Name}{Indexer(p)} {{ {Accessors(p)}}}",
            FieldInfo f when f.DeclaringType!.IsEnum => f.IsStatic ? $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue())}" : null,
            FieldInfo f when f.IsLiteral => $"{access}const {Name(f.FieldType)} {f.Name} = {Literal(f.GetRawConstantValue())}",
            FieldInfo f => $"{access}{(f.IsStatic ? "static " : string.Empty)}{(f.IsInitOnly ? "readonly " : string.Empty)}{Name(f.FieldType)} {f.Name}",
            EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
            Type t => $"nested {TypeHeader(t)}",
            _ => null,
        };
    }

    private static bool IsAccessor(MethodInfo m) =>
        m.IsSpecialName && (m.Name.StartsWith("get_", StringComparison.Ordinal) || m.Name.StartsWith("set_", StringComparison.Ordinal)
            || m.Name.StartsWith("add_", StringComparison.Ordinal) || m.Name.StartsWith("remove_", StringComparison.Ordinal));

    private static string Static(MethodBase m) => m.IsStatic ? "static " : string.Empty;

    private static string Modifiers(MethodInfo m)
    {
        if (m.IsAbstract)
        {
            return "abstract ";
        }

        if (!m.IsVirtual || m.IsFinal)
        {
            return m.IsVirtual && m.GetBaseDefinition() != m ? "override " : string.Empty;
        }

        return m.GetBaseDefinition() == m ? "virtual " : "override ";
    }

    private static string GenericArguments(MethodInfo m) =>
        m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Indexer(PropertyInfo p)
    {
        ParameterInfo[] index = p.GetIndexParameters();
        return index.Length == 0 ? string.Empty : "[" + string.Join(", ", index.Select(Parameter)) + "]";
    }

    private static string Accessors(PropertyInfo p)
    {
        var sb = new StringBuilder();
        if (p.GetMethod is { } get && IsVisible(get))
        {
            sb.Append(get.IsPublic ? "get; " : "protected get; ");
        }

        if (p.SetMethod is { } set && IsVisible(set))
        {
            bool init = set.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit");
            sb.Append(set.IsPublic ? string.Empty : "protected ").Append(init ? "init; " : "set; ");
        }

        return sb.ToString();
    }

    private static string Parameters(MethodBase m) => string.Join(", ", m.GetParameters().Select(Parameter));

    private static string Parameter(ParameterInfo p)
    {
        Type type = p.ParameterType;
        string prefix = string.Empty;
        if (type.IsByRef)
        {
            type = type.GetElementType()!;
            prefix = p.IsOut ? "out " : p.IsIn ? "in " : "ref ";
        }

        if (p.IsDefined(typeof(ParamArrayAttribute)))
        {
            prefix += "params ";
        }

        string text = $"{prefix}{Name(type)} {p.Name}";
        if (p.HasDefaultValue)
        {
            text += " = " + Literal(p.DefaultValue);
        }

        return text;
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        Enum e => e.GetType().Name + "." + e,
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "?",
    };

    private static string Name(Type type)
    {
        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }

        if (type.IsByRef || type.IsPointer)
        {
            return Name(type.GetElementType()!) + (type.IsPointer ? "*" : "&");
        }

        string name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (!type.IsGenericType)
        {
            return name;
        }

        int tick = name.IndexOf('`', StringComparison.Ordinal);
        string bare = tick < 0 ? name : name[..tick];
        return bare + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
    }
}
