using System.Collections.Generic;
using System.Globalization;
using System.Linq;

using Wamr.SourceGen.Model;

using P = Wamr.SourceGen.Emitting.CSharpPrecedence;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Translates value macros into C# members of the header's class:
/// <list type="bullet">
/// <item>an object-like expression → a constant when C# can fold it, else a property (<c>WASM_INIT_VAL</c>);</item>
/// <item>a function-like expression → a method whose parameter types come from the parameters' uses (a field or
/// function parameter they go to; arithmetic only → one overload per C# integer type, as <c>KILOBYTE</c>);</item>
/// <item>a brace initializer → matched against the headers' structs by field names (designated) or field count
/// (positional): one struct gives a method or property of that struct (<c>WASM_I32_VAL</c>); several give one
/// overload per struct when the parameters tell them apart (<c>WASM_ARRAY_VEC</c>), else a small initializer struct
/// that converts implicitly to each (<c>WASM_EMPTY_VEC</c>);</item>
/// <item>a parameter measured with <c>sizeof(a)/sizeof(*(a))</c> is an array the macro borrows: a <c>Span&lt;T&gt;</c>
/// for value elements, a pointer and a length for pointer elements (C# has no span of pointers).</item>
/// </list>
/// Macros that bind nothing (empty, declarations, attributes, names for token pasting) and those emitted elsewhere
/// (function aliases, integer constants) give null. Anything else throws <see cref="TranslationException"/>.
/// </summary>
internal static class MacroTranslator
{
    private static readonly string[] IntegerTypes = { "int", "uint", "long", "ulong", "nint", "nuint" };

    public static TranslatedHelper? Translate(MacroDefinition macro, HelperContext ctx)
    {
        MacroBody? syntax = macro.Syntax;
        if (syntax is null || syntax.Kind is MacroBodyKind.Empty or MacroBodyKind.Declarations or MacroBodyKind.Attribute)
        {
            return null;
        }

        if (syntax.Kind == MacroBodyKind.Unsupported)
        {
            throw new TranslationException(syntax.Problem!.Message, macro.Location);
        }

        CExpression value = syntax.Value!;
        if (!macro.IsFunctionLike)
        {
            if (ctx.MacroConstant(macro.Name) is not null)
            {
                return null; // an integer constant: ClassEmitter emits it
            }

            if (value is CIdentifier id && !IsValueName(id.Name, ctx))
            {
                return null; // a function alias (ClassEmitter) or a name for token pasting
            }
        }

        if (macro.Parameters.Contains("__VA_ARGS__"))
        {
            throw new TranslationException("a variadic macro", macro.Location);
        }

        string className = ctx.ClassOf(macro.Location);
        List<Overload> overloads = Overloads(macro, value, ctx, className);
        var lines = new List<string>();
        var calls = new HashSet<string>(overloads.SelectMany(o => o.Calls));
        bool distinct = overloads.Select(o => string.Join(",", o.Parameters.Select(p => p.Cs))).Distinct().Count() == overloads.Count;
        if (!distinct || (!macro.IsFunctionLike && overloads.Count > 1))
        {
            Initializer(macro, value, overloads, ctx, className, lines);
        }
        else
        {
            foreach (Overload o in overloads)
            {
                if (lines.Count > 0)
                {
                    lines.Add(string.Empty);
                }

                Member(macro, o, ctx, lines);
            }
        }

        return new TranslatedHelper(macro.Name, className, lines, calls, macro.Location);
    }

    /// <summary>Whether a lone identifier body names a value (enum member, constant) rather than a function or nothing.</summary>
    private static bool IsValueName(string name, HelperContext ctx) =>
        ctx.EnumMember(name) is not null || ctx.Constant(name) is not null || ctx.MacroConstant(name) is not null || name == "NULL";

    /// <summary>One C# member of a macro: its parameters, result, body and the struct it initializes (if any).</summary>
    private sealed record Overload(
        List<MacroParameter> Parameters,
        string ReturnCs,
        string Expression,
        bool NeedsUnchecked,
        bool IsConstant,
        RecordDecl? Record,
        IReadOnlyCollection<string> Calls,
        IReadOnlyCollection<string> MissingExports,
        Dictionary<string, (CType Type, string Cs, VariableKind Kind)> Types);

    /// <summary>A C# parameter of a macro member (an array parameter may give two: pointer and length).</summary>
    private sealed record MacroParameter(string Cs, string Name, string CName, VariableKind Kind, CType? Element, string? LengthName);

    private static List<Overload> Overloads(MacroDefinition macro, CExpression value, HelperContext ctx, string className)
    {
        List<RecordDecl?> records = value is CInitializerList list ? Candidates(list, ctx) : new List<RecordDecl?> { null };
        if (records.Count == 0)
        {
            throw new TranslationException("a brace initializer that fits no struct of the headers", macro.Location);
        }

        HashSet<string> arrays = ArrayIdiom.ArrayParameters(value, macro.Parameters);
        var overloads = new List<Overload>();
        TranslationException? firstFailure = null;
        foreach (RecordDecl? record in records)
        {
            try
            {
                foreach (Dictionary<string, (CType Type, string Cs, VariableKind Kind)> types in ParameterTypes(macro, value, record, arrays, ctx, className))
                {
                    overloads.Add(Emit(macro, value, record, types, ctx, className));
                }
            }
            catch (TranslationException e) when (records.Count > 1)
            {
                firstFailure ??= e;
            }
        }

        if (overloads.Count == 0)
        {
            throw firstFailure ?? new TranslationException("a brace initializer that fits no struct of the headers", macro.Location);
        }

        return overloads;
    }

    /// <summary>The structs a macro's brace initializer may initialize, by field names or count (exact, so that <c>{0}</c> is not everything).</summary>
    private static List<RecordDecl?> Candidates(CInitializerList list, HelperContext ctx)
    {
        bool designated = list.Items.Count > 0 && list.Items.All(i => i.Designators.Count > 0);
        bool positional = list.Items.All(i => i.Designators.Count == 0);
        var result = new List<RecordDecl?>();
        foreach (RecordDecl r in ctx.Types.Model.Records)
        {
            if (r.IsOpaque || r.IsAnonymous || r.Fields.Any(f => f.Name is null))
            {
                continue;
            }

            bool fits = designated
                ? list.Items.All(i => r.Fields.Any(f => f.Name == i.Designators[0]))
                : positional && (r.Kind == TagKind.Union ? list.Items.Count == 1 : r.Fields.Count == list.Items.Count);
            if (fits && !result.Any(x => x!.Name == r.Name))
            {
                result.Add(r);
            }
        }

        return result;
    }

    /// <summary>The parameter typings to emit: one, or one per C# integer type when some parameters are only numeric.</summary>
    private static IEnumerable<Dictionary<string, (CType Type, string Cs, VariableKind Kind)>> ParameterTypes(
        MacroDefinition macro, CExpression value, RecordDecl? record, HashSet<string> arrays, HelperContext ctx, string className)
    {
        var inference = new ParameterInference();
        var x = new ExpressionTranslator(ctx, className, inference);
        foreach (string p in macro.Parameters)
        {
            x.Scope.TryDeclare(new Variable(p, Identifiers.Escape(p), null, arrays.Contains(p) ? VariableKind.ArraySpan : VariableKind.Value));
        }

        Translate(x, value, record, macro);

        var fixedTypes = new Dictionary<string, (CType, string, VariableKind)>();
        var numeric = new List<string>();
        foreach (string p in macro.Parameters)
        {
            if (arrays.Contains(p))
            {
                var elements = inference.ElementsOf(p).GroupBy(t => t.Cs).Select(g => g.First()).ToList();
                if (elements.Count != 1)
                {
                    throw new TranslationException(
                        elements.Count == 0 ? $"the array parameter '{p}', whose elements' type nothing says" : $"the array parameter '{p}', used as arrays of {string.Join(" and ", elements.Select(e => e.Cs))}",
                        macro.Location);
                }

                bool pointers = CSharpTypes.IsPointer(elements[0].Cs);
                fixedTypes[p] = (elements[0].Type, elements[0].Cs, pointers ? VariableKind.ArrayPointer : VariableKind.ArraySpan);
                continue;
            }

            var types = inference.TypesOf(p).GroupBy(t => t.Cs).Select(g => g.First()).ToList();
            if (types.Count > 1)
            {
                throw new TranslationException($"the parameter '{p}', used as {string.Join(" and ", types.Select(t => t.Cs))}", macro.Location);
            }

            if (types.Count == 1)
            {
                if (CSharpTypes.IsCLong(types[0].Cs))
                {
                    throw new TranslationException($"the parameter '{p}' of C's long, whose width depends on the OS", macro.Location);
                }

                fixedTypes[p] = (types[0].Type, types[0].Cs, VariableKind.Value);
            }
            else if (inference.IsNumeric(p))
            {
                numeric.Add(p);
            }
            else
            {
                throw new TranslationException($"the parameter '{p}', whose type nothing in the body says", macro.Location);
            }
        }

        if (numeric.Count == 0)
        {
            yield return fixedTypes;
            yield break;
        }

        foreach (string cs in IntegerTypes)
        {
            var typed = new Dictionary<string, (CType, string, VariableKind)>(fixedTypes);
            foreach (string p in numeric)
            {
                typed[p] = (CSharpTypes.CTypeOf(cs)!, cs, VariableKind.Value);
            }

            yield return typed;
        }
    }

    private static TranslatedExpression Translate(ExpressionTranslator x, CExpression value, RecordDecl? record, MacroDefinition macro)
    {
        if (record is not null)
        {
            return x.Initializer((CInitializerList)value, new CTagRef(record.Kind, record.Name));
        }

        TranslatedExpression e = x.Translate(value);
        if (e.UntypedParameter is { } p)
        {
            // The body is just a parameter: nothing says its type.
            x.Inference?.Numeric(p);
        }

        return e;
    }

    private static Overload Emit(
        MacroDefinition macro,
        CExpression value,
        RecordDecl? record,
        Dictionary<string, (CType Type, string Cs, VariableKind Kind)> types,
        HelperContext ctx,
        string className,
        string argumentPrefix = "")
    {
        var x = new ExpressionTranslator(ctx, className, inference: null);
        var parameters = new List<MacroParameter>();
        var taken = new HashSet<string>(macro.Parameters);
        foreach (string p in macro.Parameters)
        {
            (CType type, string cs, VariableKind kind) = types[p];
            string name = Identifiers.Escape(p);
            switch (kind)
            {
                case VariableKind.ArraySpan:
                    string pointer = Unique(p + "Pointer", taken);
                    x.Scope.TryDeclare(new Variable(p, pointer, new CPointerType(type), kind) { Element = type, LengthText = $"(nuint){name}.Length" });
                    parameters.Add(new MacroParameter($"global::System.Span<{cs}>", name, p, kind, type, pointer));
                    break;
                case VariableKind.ArrayPointer:
                    string length = Unique(taken.Contains("length") ? p + "Length" : "length", taken);
                    x.Scope.TryDeclare(new Variable(p, name, new CPointerType(type), kind) { Element = type, LengthText = $"(nuint){length}" });
                    parameters.Add(new MacroParameter(cs + "*", name, p, kind, type, length));
                    break;
                default:
                    x.Scope.TryDeclare(new Variable(p, argumentPrefix + name, type, VariableKind.Value));
                    parameters.Add(new MacroParameter(cs, name, p, kind, null, null));
                    break;
            }
        }

        TranslatedExpression e = Translate(x, value, record, macro);
        if (e.CsType == "void" && !macro.IsFunctionLike)
        {
            throw new TranslationException("an object-like macro without a value", macro.Location);
        }

        bool constant = !macro.IsFunctionLike && record is null && IsConstant(value, ctx) && (CSharpTypes.IsNumeric(e.CsType) || e.CsType == "bool");
        string returnCs = e.IsNullPointer ? "void*" : e.CsType;
        return new Overload(parameters, returnCs, e.Text, x.NeedsUnchecked, constant, record, x.Calls, x.MissingExports, types);
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        while (!taken.Add(name))
        {
            name += "_";
        }

        return name;
    }

    /// <summary>Whether C# can evaluate <paramref name="e"/> at compile time (literals, operators, numeric casts, constants).</summary>
    private static bool IsConstant(CExpression e, HelperContext ctx) => e switch
    {
        CLiteral { Kind: CLiteralKind.Integer or CLiteralKind.Floating or CLiteralKind.Character } => true,
        CIdentifier id => ctx.EnumMember(id.Name) is not null || ctx.Constant(id.Name) is not null || ctx.MacroConstant(id.Name) is not null,
        CUnary { Operator: "+" or "-" or "~" or "!" } u => IsConstant(u.Operand, ctx),
        CBinary b => IsConstant(b.Left, ctx) && IsConstant(b.Right, ctx),
        CConditional c => IsConstant(c.Condition, ctx) && IsConstant(c.WhenTrue, ctx) && IsConstant(c.WhenFalse, ctx),
        CCast c => ctx.Facts.IsArithmetic(c.Type) && IsConstant(c.Operand, ctx),
        _ => false,
    };

    private static string Doc(MacroDefinition macro, string fallback, string? extraRemarks, IEnumerable<MacroParameter> parameters, bool returns)
    {
        string header = System.IO.Path.GetFileName(macro.Location.File);
        string define = $"#define {macro.Name}{(macro.IsFunctionLike ? "(" + string.Join(", ", macro.Parameters) + ")" : string.Empty)} {CTokenText.Join(macro.BodyTokens)}";
        string remarks = $"<c>{Identifiers.Xml(define)}</c> — <c>{Identifiers.Xml(header)}</c> line {macro.Location.Line.ToString(CultureInfo.InvariantCulture)}: "
            + "a macro of the header, translated by Wamr.SourceGen." + (extraRemarks is null ? string.Empty : " " + extraRemarks);
        string doc = DocComments.Summary(macro.Doc, fallback, remarks);
        foreach (MacroParameter p in parameters)
        {
            doc += p.Kind switch
            {
                VariableKind.ArraySpan => $"\n<param name=\"{p.CName}\">The C array <c>{p.CName}</c>, borrowed without copying: its memory must not move while the result is used (stack memory, native memory, or a pinned array).</param>",
                VariableKind.ArrayPointer => $"\n<param name=\"{p.CName}\">The C array <c>{p.CName}</c>: its first element, borrowed without copying.</param>\n<param name=\"{p.LengthName}\">How many elements it has (C's <c>sizeof({p.CName})/sizeof(*({p.CName}))</c>).</param>",
                _ => $"\n<param name=\"{p.CName}\">The macro argument <c>{p.CName}</c>.</param>",
            };
        }

        if (returns)
        {
            doc += "\n<returns>What the macro expands to.</returns>";
        }

        if (parameters.Any(p => p.Kind == VariableKind.ArrayPointer))
        {
            MacroParameter a = parameters.First(p => p.Kind == VariableKind.ArrayPointer);
            doc += $"\n<exception cref=\"global::System.ArgumentOutOfRangeException\"><paramref name=\"{a.LengthName}\"/> is negative.</exception>"
                + $"\n<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"{a.CName}\"/> is null and <paramref name=\"{a.LengthName}\"/> is not 0.</exception>";
        }

        return doc;
    }

    private static void Member(MacroDefinition macro, Overload o, HelperContext ctx, List<string> lines)
    {
        string name = Identifiers.Escape(macro.Name);
        string what = o.Record is not null ? $"a <see cref=\"{Identifiers.Escape(o.Record.Name)}\"/> as the initializer <c>{macro.Name}</c> makes it" : $"the value of <c>{macro.Name}</c>";
        string? remarks = o.Parameters.Any(p => p.Kind == VariableKind.ArrayPointer)
            ? "C# has no span of pointers: the array is given as its first element and its length."
            : null;
        lines.AddRange(FunctionTranslator.DocLines(Doc(macro, $"The macro <c>{macro.Name}</c>: {what}.", remarks, o.Parameters, macro.IsFunctionLike)));
        if (o.MissingExports.Count > 0)
        {
            lines.Add(FunctionTranslator.ObsoleteAttribute(macro.Name, o.MissingExports, ctx));
        }

        string expression = o.NeedsUnchecked ? $"unchecked({o.Expression})" : o.Expression;
        if (!macro.IsFunctionLike)
        {
            lines.Add(o.IsConstant
                ? $"public const {o.ReturnCs} {name} = {expression};"
                : $"public static {o.ReturnCs} {name} => {expression};");
            return;
        }

        var declared = new List<string>();
        foreach (MacroParameter p in o.Parameters)
        {
            declared.Add(p.Cs + " " + p.Name);
            if (p.Kind == VariableKind.ArrayPointer)
            {
                declared.Add("int " + p.LengthName);
            }
        }

        string signature = $"public static {o.ReturnCs} {name}({string.Join(", ", declared)})";
        List<MacroParameter> arrays = o.Parameters.Where(p => p.Kind is VariableKind.ArraySpan or VariableKind.ArrayPointer).ToList();
        if (arrays.Count == 0)
        {
            lines.Add($"{signature} => {expression};");
            return;
        }

        lines.Add(signature);
        lines.Add("{");
        foreach (MacroParameter p in arrays)
        {
            string elementCs = ctx.Map(p.Element!);
            if (p.Kind == VariableKind.ArraySpan)
            {
                lines.Add($"    {elementCs}* {p.LengthName} = {p.Name}.IsEmpty ? null : ({elementCs}*)global::System.Runtime.CompilerServices.Unsafe.AsPointer(ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference({p.Name}));");
            }
            else
            {
                lines.Add($"    if ({p.LengthName} < 0)");
                lines.Add("    {");
                lines.Add($"        throw new global::System.ArgumentOutOfRangeException(nameof({p.LengthName}), {p.LengthName}, \"{macro.Name}: the length of {p.CName} must not be negative.\");");
                lines.Add("    }");
                lines.Add(string.Empty);
                lines.Add($"    if ({p.Name} == null && {p.LengthName} != 0)");
                lines.Add("    {");
                lines.Add($"        throw new global::System.ArgumentNullException(nameof({p.Name}), \"{macro.Name}: {p.CName} is null but its length is not 0.\");");
                lines.Add("    }");
                lines.Add(string.Empty);
            }
        }

        lines.Add(o.ReturnCs == "void" ? $"    {expression};" : $"    return {expression};");
        lines.Add("}");
    }

    /// <summary>
    /// Several structs, one C# signature: a readonly struct that keeps the arguments and converts implicitly to each
    /// struct, so that <c>wasm_extern_vec_t imports = WASM_EMPTY_VEC;</c> reads as in C.
    /// </summary>
    private static void Initializer(MacroDefinition macro, CExpression value, List<Overload> overloads, HelperContext ctx, string className, List<string> lines)
    {
        if (overloads.Any(o => o.Record is null) || overloads.Any(o => o.Parameters.Any(p => p.Kind != VariableKind.Value)))
        {
            throw new TranslationException("a macro whose expansions C# cannot tell apart by their parameters", macro.Location);
        }

        var byRecord = overloads.GroupBy(o => o.Record!.Name).Select(g => g.First()).ToList();
        if (byRecord.Count != overloads.Count || overloads.Select(o => string.Join(",", o.Parameters.Select(p => p.Cs))).Distinct().Count() != 1)
        {
            throw new TranslationException("a macro whose expansions C# cannot tell apart by their parameters", macro.Location);
        }

        string name = Identifiers.Escape(macro.Name);
        string type = macro.Name + "_Initializer";
        List<MacroParameter> parameters = overloads[0].Parameters;
        string structs = string.Join(", ", overloads.Select(o => $"<see cref=\"{Identifiers.Escape(o.Record!.Name)}\"/>"));
        lines.Add($"/// <summary>The value of the initializer macro <c>{Identifiers.Xml(macro.Name)}</c>, which fits several structs: it converts implicitly to {structs}.</summary>");
        lines.Add($"public readonly struct {type}");
        lines.Add("{");
        foreach (MacroParameter p in parameters)
        {
            lines.Add($"    private readonly {p.Cs} {p.Name};");
            lines.Add(string.Empty);
        }

        if (parameters.Count > 0)
        {
            lines.Add($"    /// <summary>Keeps the macro's arguments.</summary>");
            lines.AddRange(parameters.Select(p => $"    /// <param name=\"{p.CName}\">The macro argument <c>{p.CName}</c>.</param>"));
            lines.Add($"    public {type}({string.Join(", ", parameters.Select(p => p.Cs + " " + p.Name))})");
            lines.Add("    {");
            lines.AddRange(parameters.Select(p => $"        this.{p.Name} = {p.Name};"));
            lines.Add("    }");
            lines.Add(string.Empty);
        }

        foreach (Overload o in overloads)
        {
            string record = Identifiers.Escape(o.Record!.Name);

            // Inside the struct, the arguments are its fields.
            Overload inside = Emit(macro, value, o.Record, o.Types, ctx, className, "initializer.");
            string expression = inside.Expression;

            lines.Add($"    /// <summary>The <see cref=\"{record}\"/> that C's <c>{Identifiers.Xml(macro.Name)}</c> initializes.</summary>");
            lines.Add("    /// <param name=\"initializer\">The initializer.</param>");
            if (o.MissingExports.Count > 0)
            {
                lines.Add("    " + FunctionTranslator.ObsoleteAttribute(macro.Name, o.MissingExports, ctx));
            }

            lines.Add($"    public static implicit operator {record}({type} initializer) => {(inside.NeedsUnchecked ? "unchecked(" + expression + ")" : expression)};");
            lines.Add(string.Empty);
        }

        lines.RemoveAt(lines.Count - 1);
        lines.Add("}");
        lines.Add(string.Empty);
        lines.AddRange(FunctionTranslator.DocLines(Doc(
            macro,
            $"The macro <c>{macro.Name}</c>: assign it to any of the structs it fits ({structs}).",
            "C lets this initializer initialize several structs; the value converts implicitly to each of them.",
            parameters,
            macro.IsFunctionLike)));
        lines.Add(macro.IsFunctionLike
            ? $"public static {type} {name}({string.Join(", ", parameters.Select(p => p.Cs + " " + p.Name))}) => new({string.Join(", ", parameters.Select(p => p.Name))});"
            : $"public static {type} {name} => default;");
    }
}
