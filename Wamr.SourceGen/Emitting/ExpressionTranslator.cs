using System.Collections.Generic;
using System.Globalization;
using System.Linq;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

using P = Wamr.SourceGen.Emitting.CSharpPrecedence;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Translates C expressions to C# while type-checking them with C's rules: it resolves names (parameters, locals,
/// enum members, constants, functions, C library functions), computes each expression's C type, and inserts the
/// explicit conversions C# needs where C converts implicitly (<c>out-&gt;of.i32 = (intptr_t)p</c> →
/// <c>@out-&gt;of.i32 = (int)(nint)p</c>). Anything it does not support throws <see cref="TranslationException"/>.
/// </summary>
internal sealed class ExpressionTranslator
{
    private readonly HelperContext _ctx;
    private readonly string _class;

    public ExpressionTranslator(HelperContext context, string className, ParameterInference? inference)
    {
        _ctx = context;
        _class = className;
        Inference = inference;
    }

    public TranslationScope Scope { get; } = new();

    /// <summary>Non-null while inferring a macro's parameter types (the text produced is then not used).</summary>
    public ParameterInference? Inference { get; }

    /// <summary>The inline functions the translated code calls.</summary>
    public HashSet<string> Calls { get; } = new();

    /// <summary>The functions called that the library does not export.</summary>
    public SortedSet<string> MissingExports { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Whether the code relies on C's wrap-around (integer arithmetic, narrowing conversions): it is emitted <c>unchecked</c>.</summary>
    public bool NeedsUnchecked { get; set; }

    private CTypeFacts Facts => _ctx.Facts;

    public TranslatedExpression Translate(CExpression expression) => expression switch
    {
        CIdentifier id => Identifier(id),
        CLiteral literal => Literal(literal),
        CMemberAccess member => Member(member),
        CIndex index => Index(index),
        CCall call => Call(call),
        CCast cast => Cast(cast),
        CUnary unary => Unary(unary),
        CBinary binary => Binary(binary),
        CAssignment assignment => Assignment(assignment),
        CConditional conditional => Conditional(conditional),
        CSizeOfType size => SizeOf(size.Type, size.Location),
        CSizeOfExpression size => SizeOfExpression(size),
        CCompoundLiteral literal => Initializer(literal.Initializer, literal.Type),
        CInitializerList list => throw new TranslationException("a brace initializer where no struct type is known", list.Location),
        _ => throw new TranslationException("an unknown kind of expression", expression.Location),
    };

    /// <summary>Translates <paramref name="expression"/> as a value of <paramref name="target"/>, converting as C does on assignment.</summary>
    public TranslatedExpression TranslateAs(CExpression expression, CType target) =>
        expression is CInitializerList list
            ? Initializer(list, target)
            : Convert(Translate(expression), target, expression.Location);

    /// <summary>
    /// <paramref name="e"/> converted to <paramref name="target"/> as C converts on assignment (or, with
    /// <paramref name="isExplicit"/>, as a C cast does), with the cast C# needs when it does not convert implicitly.
    /// </summary>
    public TranslatedExpression Convert(TranslatedExpression e, CType target, SourceLocation at, bool isExplicit = false)
    {
        target = CTypeFacts.Strip(target);
        if (Facts.IsArray(target))
        {
            throw new TranslationException("a value of array type", at);
        }

        string to = _ctx.Map(target);
        if (e.UntypedParameter is { } parameter)
        {
            if (Scope.Find(parameter) is { Kind: VariableKind.ArraySpan or VariableKind.ArrayPointer })
            {
                if (Facts.Pointee(target) is not { } element)
                {
                    throw new TranslationException($"the array parameter '{parameter}' is used where {to} is expected", at);
                }

                Inference!.RequireElement(parameter, element, _ctx.Map(element));
            }
            else
            {
                Inference!.Require(parameter, target, to);
            }

            return new TranslatedExpression(e.Text, e.Precedence, target, to);
        }

        if (Facts.IsVoid(target))
        {
            if (isExplicit)
            {
                return new TranslatedExpression(e.Text, e.Precedence, target, "void");
            }

            throw new TranslationException("a value converted to void", at);
        }

        if (e.CsType == "void")
        {
            throw new TranslationException("the value of an expression that has none (void)", at);
        }

        string from = e.CsType;
        if (CSharpTypes.IsCLong(to) != CSharpTypes.IsCLong(from) || (CSharpTypes.IsCLong(to) && to != from))
        {
            throw new TranslationException("a conversion to or from C's long, whose width depends on the OS", at);
        }

        if (e.IsNullPointer)
        {
            if (CSharpTypes.IsPointer(to))
            {
                return new TranslatedExpression("null", P.Primary, target, to) { IsNullPointer = true };
            }

            if (_ctx.CSharp.WrapperPointer(to) is not null)
            {
                return new TranslatedExpression($"default({to})", P.Primary, target, to);
            }

            if (to == "bool")
            {
                return new TranslatedExpression("false", P.Primary, target, to);
            }
        }

        if (from == to)
        {
            return new TranslatedExpression(e.Text, e.Precedence, target, to) { Constant = e.Constant, IsLvalue = e.IsLvalue, IsNullPointer = e.IsNullPointer };
        }

        if (to == "bool")
        {
            TranslatedExpression truth = Truth(e, at);
            return new TranslatedExpression(truth.Text, truth.Precedence, target, to);
        }

        if (from == "bool")
        {
            var asInt = new TranslatedExpression($"{e.At(P.Conditional + 1)} ? 1 : 0", P.Conditional, CTypeFacts.Int, "int");
            return to == "int" ? Retype(asInt, target, to) : Convert(asInt, target, at, isExplicit);
        }

        string? fromWrapped = _ctx.CSharp.WrapperPointer(from);
        if (fromWrapped is not null)
        {
            var inner = new TranslatedExpression(e.At(P.Primary) + ".Value", P.Primary, Facts.Resolve(e.Type), fromWrapped);
            return Convert(inner, target, at, isExplicit);
        }

        string? toWrapped = _ctx.CSharp.WrapperPointer(to);
        if (toWrapped is not null)
        {
            if (from == toWrapped)
            {
                return new TranslatedExpression(e.Text, e.Precedence, target, to);
            }

            TranslatedExpression pointer = Convert(e, Facts.Resolve(target), at, isExplicit);
            return new TranslatedExpression(CastText(to, pointer), P.Unary, target, to);
        }

        bool fromNumeric = CSharpTypes.IsNumeric(from), toNumeric = CSharpTypes.IsNumeric(to);
        bool fromEnum = _ctx.CSharp.IsEnum(from), toEnum = _ctx.CSharp.IsEnum(to);
        bool fromPointer = CSharpTypes.IsPointer(from), toPointer = CSharpTypes.IsPointer(to);

        if (fromNumeric && toNumeric)
        {
            if (CSharpTypes.IsImplicitNumeric(from, to) || (from == "int" && e.Constant is { } c && CSharpTypes.ConstantFits(c, to)))
            {
                return new TranslatedExpression(e.Text, e.Precedence, target, to) { Constant = e.Constant };
            }

            NeedsUnchecked = true;
            return new TranslatedExpression(CastText(to, e), P.Unary, target, to);
        }

        if ((fromNumeric || fromEnum) && (toNumeric || toEnum))
        {
            if (toEnum && e.Constant is { Bits: 0 } && from == "int")
            {
                return new TranslatedExpression(e.Text, e.Precedence, target, to);
            }

            NeedsUnchecked = true;
            return new TranslatedExpression(CastText(to, e), P.Unary, target, to);
        }

        if (fromPointer && toPointer)
        {
            if (to == "void*" && !from.StartsWith("delegate*", System.StringComparison.Ordinal))
            {
                return new TranslatedExpression(e.Text, e.Precedence, target, to);
            }

            return new TranslatedExpression(CastText(to, e), P.Unary, target, to);
        }

        if ((fromPointer && CSharpTypes.IsIntegral(to)) || (CSharpTypes.IsIntegral(from) && toPointer))
        {
            if (!isExplicit)
            {
                throw new TranslationException($"an implicit conversion between an integer and a pointer ({from} to {to})", at);
            }

            // Pointer-sized integers hold any pointer; anything narrower may not (checked code would throw).
            NeedsUnchecked |= !(fromPointer ? to : from).Equals("nint") && !(fromPointer ? to : from).Equals("nuint");
            return new TranslatedExpression(CastText(to, e), P.Unary, target, to);
        }

        throw new TranslationException($"a conversion from {from} to {to}", at);
    }

    /// <summary><paramref name="e"/> as a C# <c>bool</c>, as C tests a scalar (non-zero, non-null).</summary>
    public TranslatedExpression Truth(TranslatedExpression e, SourceLocation at)
    {
        if (e.UntypedParameter is { } parameter)
        {
            Inference!.Numeric(parameter);
            return new TranslatedExpression($"{e.At(P.Equality + 1)} != 0", P.Equality, CTypeFacts.Int, "bool");
        }

        string cs = e.CsType;
        if (cs == "bool")
        {
            return e;
        }

        if (CSharpTypes.IsNumeric(cs) || _ctx.CSharp.IsEnum(cs))
        {
            return new TranslatedExpression($"{e.At(P.Equality + 1)} != 0", P.Equality, CTypeFacts.Int, "bool");
        }

        if (CSharpTypes.IsPointer(cs))
        {
            return new TranslatedExpression($"{e.At(P.Equality + 1)} != null", P.Equality, CTypeFacts.Int, "bool");
        }

        if (_ctx.CSharp.WrapperPointer(cs) is not null)
        {
            return new TranslatedExpression($"!{e.At(P.Primary)}.IsNull", P.Unary, CTypeFacts.Int, "bool");
        }

        throw new TranslationException($"a {cs} used as a condition", at);
    }

    /// <summary>A brace initializer of <paramref name="type"/> (a struct or union): <c>new T { field = value, … }</c>.</summary>
    public TranslatedExpression Initializer(CInitializerList list, CType type)
    {
        RecordDecl record = Facts.Record(type)
            ?? throw new TranslationException($"a brace initializer for {_ctx.Map(type)}, which is not a struct or union", list.Location);
        string cs = _ctx.Map(CTypeFacts.Strip(type));
        if (record.IsOpaque)
        {
            throw new TranslationException($"a brace initializer for the opaque type {cs}", list.Location);
        }

        var assigned = new List<(string Field, string Text)>();
        var seen = new HashSet<string>();
        var nested = new Dictionary<string, List<CInitializerItem>>();
        var order = new List<string>();
        int position = 0;
        foreach (CInitializerItem item in list.Items)
        {
            FieldDecl field;
            if (item.Designators.Count == 0)
            {
                if (record.Kind == TagKind.Union && position > 0)
                {
                    throw new TranslationException("more than one positional value for a union", item.Value.Location);
                }

                if (position >= record.Fields.Count)
                {
                    throw new TranslationException($"more values than {cs} has fields", item.Value.Location);
                }

                field = record.Fields[position++];
            }
            else
            {
                field = FieldOf(record, item.Designators[0], item.Value.Location);
                position = record.Fields.Items.IndexOf(field) + 1;
            }

            if (field.Name is null)
            {
                throw new TranslationException("an initializer for an anonymous member", item.Value.Location);
            }

            if (item.Designators.Count > 1)
            {
                // .of.i32 = x: collected, then written as of = new T_of { i32 = x }.
                if (!nested.TryGetValue(field.Name, out List<CInitializerItem>? items))
                {
                    nested[field.Name] = items = new List<CInitializerItem>();
                    order.Add(field.Name);
                    if (!seen.Add(field.Name))
                    {
                        throw new TranslationException($"the field '{field.Name}' initialized twice", item.Value.Location);
                    }
                }

                items.Add(new CInitializerItem(item.Designators.Skip(1).ToEquatableArray(), item.Value));
                continue;
            }

            if (!seen.Add(field.Name))
            {
                throw new TranslationException($"the field '{field.Name}' initialized twice", item.Value.Location);
            }

            if (Facts.IsArray(field.Type))
            {
                throw new TranslationException($"an initializer for the array field '{field.Name}'", item.Value.Location);
            }

            if (Facts.Record(field.Type) is not null && item.Value is not CInitializerList && item.Value is not CCompoundLiteral)
            {
                TranslatedExpression whole = Translate(item.Value);
                if (whole.CsType != _ctx.Map(CTypeFacts.Strip(field.Type)) && whole.UntypedParameter is null)
                {
                    throw new TranslationException($"a value without braces for the struct field '{field.Name}' (brace elision)", item.Value.Location);
                }
            }

            order.Add(field.Name);
            assigned.Add((field.Name, TranslateAs(item.Value, field.Type).Text));
        }

        foreach (KeyValuePair<string, List<CInitializerItem>> n in nested)
        {
            FieldDecl field = FieldOf(record, n.Key, list.Location);
            var inner = new CInitializerList(n.Value.ToEquatableArray(), list.Location);
            assigned.Add((n.Key, Initializer(inner, field.Type).Text));
        }

        string[] parts = order.Select(name => Identifiers.Escape(name) + " = " + assigned.First(a => a.Field == name).Text).ToArray();
        string text = parts.Length == 0 ? $"default({cs})" : $"new {cs} {{ {string.Join(", ", parts)} }}";
        return new TranslatedExpression(text, P.Primary, CTypeFacts.Strip(type), cs);
    }

    private TranslatedExpression Identifier(CIdentifier id)
    {
        if (Scope.Find(id.Name) is { } variable)
        {
            return Read(variable, id.Location);
        }

        string name = id.Name;
        if (_ctx.EnumMember(name) is { } member)
        {
            EnumBinding? binding = _ctx.Types.BindingOfEnum(member.Enum.Name);
            string cs = binding is null ? "int" : Identifiers.Escape(binding.CSharpName);
            return new TranslatedExpression(Qualify(member.Enum.Location, name), P.Primary, CTypeFacts.Int, cs)
            {
                Constant = binding is null ? ConstantValue.Signed(member.Member.Value) : null,
            };
        }

        if (_ctx.Constant(name) is { } constant)
        {
            string cs = _ctx.Map(CTypeFacts.Strip(constant.Type));
            return new TranslatedExpression(Qualify(constant.Location, name), P.Primary, CTypeFacts.Strip(constant.Type), cs);
        }

        if (_ctx.MacroConstant(name) is { } macro)
        {
            return new TranslatedExpression(Qualify(macro.Macro.Location, name), P.Primary, CSharpTypes.CTypeOf(macro.CsType)!, macro.CsType);
        }

        if (_ctx.Function(name) is not null || LibcFunctions.Find(name) is not null)
        {
            throw new TranslationException($"the function '{name}' used as a value", id.Location);
        }

        switch (name)
        {
            case "NULL":
                return new TranslatedExpression("null", P.Primary, CTypeFacts.VoidPointer, "void*") { IsNullPointer = true };
            case "true" or "false":
                return IntegerConstant(name == "true" ? 1 : 0);
        }

        throw new TranslationException($"'{name}', which is neither a parameter, a local nor declared by the headers", id.Location);
    }

    private TranslatedExpression Read(Variable variable, SourceLocation at)
    {
        if (variable.Type is null)
        {
            if (Inference is null)
            {
                throw new TranslationException($"the parameter '{variable.CName}' has no type", at);
            }

            return new TranslatedExpression(variable.CsName, P.Primary, CTypeFacts.Int, "int") { UntypedParameter = variable.CName };
        }

        string cs = _ctx.Map(variable.Type);
        return new TranslatedExpression(variable.CsName, P.Primary, variable.Type, cs)
        {
            IsLvalue = variable.Kind == VariableKind.Value && !Facts.IsArray(variable.Type),
        };
    }

    private static TranslatedExpression IntegerConstant(long value) =>
        new(value.ToString(CultureInfo.InvariantCulture), value < 0 ? P.Unary : P.Primary, CTypeFacts.Int, "int") { Constant = ConstantValue.Signed(value) };

    private TranslatedExpression Literal(CLiteral literal)
    {
        switch (literal.Kind)
        {
            case CLiteralKind.Integer:
                return IntegerLiteral(literal);
            case CLiteralKind.Floating:
                return FloatingLiteral(literal);
            case CLiteralKind.Character:
                string text = literal.Text;
                if (text.Length == 3 && text[0] == '\'' && text[2] == '\'' && text[1] != '\\')
                {
                    return new TranslatedExpression(text, P.Primary, CTypeFacts.Int, "char") { Constant = ConstantValue.Signed(text[1]) };
                }

                if (text.Length == 4 && text[1] == '\\' && text[2] is 'n' or 't' or 'r' or '0' or '\\' or '\'' or '"')
                {
                    char value = text[2] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => text[2] };
                    return new TranslatedExpression(text, P.Primary, CTypeFacts.Int, "char") { Constant = ConstantValue.Signed(value) };
                }

                throw new TranslationException($"the character constant {text}", literal.Location);
            default:
                throw new TranslationException("a string literal", literal.Location);
        }
    }

    private TranslatedExpression IntegerLiteral(CLiteral literal)
    {
        string text = literal.Text;
        string digits = text.TrimEnd('u', 'U', 'l', 'L');
        string suffix = text.Substring(digits.Length).ToLowerInvariant();
        bool unsignedSuffix = suffix.Contains('u');
        bool longSuffix = suffix.Contains('l');
        ConstantValue value = ConstantValue.ParseInteger(text) ?? throw new TranslationException($"the number {text}", literal.Location);
        bool isDecimal = !(digits.Length > 1 && digits[0] == '0');
        ulong bits = unchecked((ulong)value.Bits);

        // C's rules for the type of an integer constant (long is taken as 64-bit, as on LP64 targets).
        int size;
        bool isUnsigned;
        if (!longSuffix && !unsignedSuffix && bits <= int.MaxValue)
        {
            (size, isUnsigned) = (4, false);
        }
        else if (!longSuffix && (unsignedSuffix || !isDecimal) && bits <= uint.MaxValue)
        {
            (size, isUnsigned) = (4, true);
        }
        else if (!unsignedSuffix && bits <= long.MaxValue)
        {
            (size, isUnsigned) = (8, false);
        }
        else
        {
            (size, isUnsigned) = (8, true);
        }

        CPrimitiveType type = CTypeFacts.IntegerOfSize(size, isUnsigned);
        string cs = _ctx.Map(type);
        string number = digits.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase) || digits.StartsWith("0b", System.StringComparison.OrdinalIgnoreCase)
            ? digits
            : bits.ToString(CultureInfo.InvariantCulture);
        string csSuffix = cs switch { "uint" => "u", "long" => "L", "ulong" => "UL", _ => string.Empty };
        return new TranslatedExpression(number + csSuffix, P.Primary, type, cs)
        {
            Constant = new ConstantValue(value.Bits, isUnsigned),
        };
    }

    private static TranslatedExpression FloatingLiteral(CLiteral literal)
    {
        string text = literal.Text;
        bool isFloat = text.EndsWith("f", System.StringComparison.OrdinalIgnoreCase);
        if (text.EndsWith("l", System.StringComparison.OrdinalIgnoreCase))
        {
            throw new TranslationException($"the long double constant {text}", literal.Location);
        }

        string digits = isFloat ? text.Substring(0, text.Length - 1) : text;
        if (digits.StartsWith("0x", System.StringComparison.OrdinalIgnoreCase)
            || !double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new TranslationException($"the floating constant {text}", literal.Location);
        }

        string number = value.ToString("R", CultureInfo.InvariantCulture);
        if (number.IndexOfAny(new[] { '.', 'E', 'e' }) < 0)
        {
            number += ".0";
        }

        return new TranslatedExpression(number + (isFloat ? "f" : string.Empty), P.Primary, new CPrimitiveType(isFloat ? "float" : "double"), isFloat ? "float" : "double");
    }

    private TranslatedExpression Member(CMemberAccess access)
    {
        TranslatedExpression target = Translate(access.Target);
        RequireTyped(target, "a struct", access.Location);
        string prefix;
        RecordDecl? record;
        if (access.IsArrow)
        {
            string pointer = target.At(P.Primary);
            if (_ctx.CSharp.WrapperPointer(target.CsType) is not null)
            {
                pointer += ".Value";
            }

            record = Facts.Pointee(target.Type) is { } pointee ? Facts.Record(pointee) : null;
            prefix = pointer + "->";
        }
        else
        {
            record = Facts.Record(target.Type);
            prefix = target.At(P.Primary) + ".";
        }

        if (record is null || record.IsOpaque)
        {
            throw new TranslationException($"'{(access.IsArrow ? "->" : ".")}{access.Member}' on {target.CsType}, which is not a struct with fields", access.Location);
        }

        FieldDecl field = FieldOf(record, access.Member, access.Location);
        if (Facts.IsArray(field.Type))
        {
            throw new TranslationException($"the array field '{access.Member}'", access.Location);
        }

        CType type = CTypeFacts.Strip(field.Type);
        return new TranslatedExpression(prefix + Identifiers.Escape(access.Member), P.Primary, type, _ctx.Map(type)) { IsLvalue = true };
    }

    private FieldDecl FieldOf(RecordDecl record, string name, SourceLocation at) =>
        record.Fields.FirstOrDefault(f => f.Name == name)
        ?? throw new TranslationException($"'{name}', which is not a field of {record.Name}", at);

    private TranslatedExpression Index(CIndex index)
    {
        TranslatedExpression target = Translate(index.Target);
        RequireTyped(target, "an array", index.Location);
        CType element = Facts.Pointee(target.Type) ?? throw new TranslationException($"indexing {target.CsType}, which is not a pointer", index.Location);
        if (!CSharpTypes.IsPointer(target.CsType))
        {
            throw new TranslationException($"indexing {target.CsType}", index.Location);
        }

        TranslatedExpression i = IndexOperand(Translate(index.Index), index.Location);
        CType type = CTypeFacts.Strip(element);
        return new TranslatedExpression($"{target.At(P.Primary)}[{i.Text}]", P.Primary, type, _ctx.Map(type)) { IsLvalue = true };
    }

    /// <summary>An integer operand of pointer arithmetic or indexing, as one of the types C# accepts there.</summary>
    private TranslatedExpression IndexOperand(TranslatedExpression i, SourceLocation at)
    {
        if (i.UntypedParameter is not null)
        {
            Inference!.Numeric(i.UntypedParameter);
            return i;
        }

        if (!Facts.IsInteger(i.Type))
        {
            throw new TranslationException($"an index of type {i.CsType}", at);
        }

        return i.CsType is "int" or "uint" or "long" or "ulong" ? i : Convert(i, new CPrimitiveType("int64_t"), at, isExplicit: true);
    }

    private TranslatedExpression Call(CCall call)
    {
        if (call.Callee is not CIdentifier callee)
        {
            throw new TranslationException("a call through an expression", call.Location);
        }

        string name = callee.Name;
        if (Scope.Find(name) is { } variable)
        {
            TranslatedExpression pointer = Read(variable, call.Location);
            RequireTyped(pointer, "a function pointer", call.Location);
            CFunctionType signature = Facts.FunctionPointer(pointer.Type)
                ?? throw new TranslationException($"a call to '{name}', which is not a function pointer", call.Location);
            string args = Arguments(name, signature.Parameters.Select(p => p.Type).ToList(), signature.IsVariadic, call);
            CType result = CTypeFacts.Strip(signature.ReturnType);
            return new TranslatedExpression($"{pointer.At(P.Primary)}({args})", P.Primary, result, _ctx.Map(result));
        }

        if (_ctx.Function(name) is { } function)
        {
            string args = Arguments(name, function.Parameters.Select(p => p.Type).ToList(), function.IsVariadic, call);
            if (function.IsInline)
            {
                if (function.Body is null)
                {
                    throw new TranslationException($"a call to '{name}', an inline function with no body", call.Location);
                }

                Calls.Add(name);
            }
            else if (!_ctx.IsExported(name))
            {
                MissingExports.Add(name);
            }

            CType result = CTypeFacts.Strip(function.ReturnType);
            return new TranslatedExpression($"{Qualify(function.Location, name)}({args})", P.Primary, result, _ctx.Map(result));
        }

        if (LibcFunctions.Find(name) is { } libc)
        {
            if (call.Arguments.Count != libc.Parameters.Length)
            {
                throw new TranslationException($"a call to '{name}' with {call.Arguments.Count} arguments", call.Location);
            }

            string[] args = call.Arguments.Select((a, i) => TranslateAs(a, libc.Parameters[i]).At(P.Assignment + 1)).ToArray();
            return new TranslatedExpression(libc.Emit(args), libc.ReturnCs == "nuint" ? P.Unary : P.Primary, libc.ReturnType, libc.ReturnCs);
        }

        if (_ctx.MacroConstant(name) is not null || _ctx.Types.Model.Macros.Any(m => m.Name == name))
        {
            throw new TranslationException($"a call to the macro '{name}'", call.Location);
        }

        throw new TranslationException($"a call to '{name}', which the headers do not declare", call.Location);
    }

    private string Arguments(string name, List<CType> parameters, bool isVariadic, CCall call)
    {
        if (isVariadic)
        {
            throw new TranslationException($"a call to the variadic function '{name}'", call.Location);
        }

        if (call.Arguments.Count != parameters.Count)
        {
            throw new TranslationException($"a call to '{name}' with {call.Arguments.Count} arguments instead of {parameters.Count}", call.Location);
        }

        return string.Join(", ", call.Arguments.Select((a, i) => TranslateAs(a, Decay(parameters[i])).At(P.Assignment + 1)));
    }

    /// <summary>A parameter declared as an array is a pointer.</summary>
    private CType Decay(CType type) => Facts.Resolve(type) is CArrayType a ? new CPointerType(a.Element) : type;

    private TranslatedExpression Cast(CCast cast)
    {
        TranslatedExpression operand = Translate(cast.Operand);
        if (operand.Constant is { Bits: 0 } && Facts.IsPointer(cast.Type) && Facts.IsInteger(operand.Type) && operand.UntypedParameter is null)
        {
            // (void*)0 and the like: a null pointer constant.
            CType pointer = CTypeFacts.Strip(cast.Type);
            return new TranslatedExpression("null", P.Primary, pointer, _ctx.Map(pointer)) { IsNullPointer = true };
        }

        TranslatedExpression converted = Convert(operand, cast.Type, cast.Location, isExplicit: true);
        if (converted.Text == operand.Text && converted.CsType != operand.CsType && !Facts.IsVoid(cast.Type) && operand.UntypedParameter is null)
        {
            // C# converts implicitly, but the C cast is kept visible.
            return new TranslatedExpression(CastText(converted.CsType, operand), P.Unary, converted.Type, converted.CsType) { Constant = operand.Constant };
        }

        return converted;
    }

    private TranslatedExpression Unary(CUnary unary)
    {
        if (unary.Operator == "&")
        {
            if (unary.Operand is CIdentifier { Name: var n } && Scope.Find(n) is { Kind: VariableKind.Value, Type: { } t } && Facts.IsArray(t))
            {
                throw new TranslationException($"the address of the array '{n}'", unary.Location);
            }

            TranslatedExpression target = Translate(unary.Operand);
            RequireTyped(target, "an object", unary.Location);
            if (!target.IsLvalue)
            {
                throw new TranslationException("the address of something that is not a variable or field", unary.Location);
            }

            var pointer = new CPointerType(target.Type);
            return new TranslatedExpression("&" + target.At(P.Unary), P.Unary, pointer, _ctx.Map(pointer));
        }

        TranslatedExpression operand = Translate(unary.Operand);
        switch (unary.Operator)
        {
            case "*":
                {
                    RequireTyped(operand, "a pointer", unary.Location);
                    CType pointee = Facts.Pointee(operand.Type) ?? throw new TranslationException($"'*' on {operand.CsType}, which is not a pointer", unary.Location);
                    if (Facts.IsVoid(pointee))
                    {
                        throw new TranslationException("'*' on a void pointer", unary.Location);
                    }

                    string text = operand.At(P.Unary);
                    if (_ctx.CSharp.WrapperPointer(operand.CsType) is not null)
                    {
                        text = operand.At(P.Primary) + ".Value";
                    }

                    CType type = CTypeFacts.Strip(pointee);
                    return new TranslatedExpression("*" + text, P.Unary, type, _ctx.Map(type)) { IsLvalue = true };
                }

            case "!":
                {
                    TranslatedExpression truth = Truth(operand, unary.Location);
                    return new TranslatedExpression("!" + truth.At(P.Unary), P.Unary, CTypeFacts.Int, "bool");
                }

            case "+" or "-" or "~":
                {
                    TranslatedExpression value = Arithmetic(operand, unary.Location);
                    if (unary.Operator == "~" && !Facts.IsInteger(value.Type))
                    {
                        throw new TranslationException("'~' on a floating value", unary.Location);
                    }

                    CType type = Facts.Promote(value.Type);
                    TranslatedExpression promoted = Convert(value, type, unary.Location);
                    string cs = promoted.CsType;
                    if (unary.Operator == "-" && promoted.Constant is { } c && !c.IsUnsigned)
                    {
                        // A negative literal: kept a constant, so that C#'s constant conversions still apply.
                        return new TranslatedExpression("-" + promoted.At(P.Unary), P.Unary, type, cs) { Constant = ConstantValue.Signed(unchecked(-c.Bits)) };
                    }

                    if (unary.Operator == "-" && CSharpTypes.IsUnsigned(cs))
                    {
                        // C negates unsigned values modulo 2^n; C# has no unary minus for them.
                        NeedsUnchecked = true;
                        return new TranslatedExpression($"({cs})(0 - {promoted.At(P.Additive + 1)})", P.Unary, type, cs);
                    }

                    if (unary.Operator == "-")
                    {
                        NeedsUnchecked = true;
                    }

                    return new TranslatedExpression(unary.Operator + promoted.At(P.Unary), P.Unary, type, cs);
                }
        }

        throw new TranslationException($"the operator '{unary.Operator}'", unary.Location);
    }

    /// <summary>An arithmetic operand (enums included); an untyped macro parameter becomes numeric.</summary>
    private TranslatedExpression Arithmetic(TranslatedExpression e, SourceLocation at)
    {
        if (e.UntypedParameter is { } parameter)
        {
            Inference!.Numeric(parameter);
            return e;
        }

        if (!Facts.IsArithmetic(e.Type))
        {
            throw new TranslationException($"arithmetic on {e.CsType}", at);
        }

        if (CSharpTypes.IsCLong(e.CsType))
        {
            throw new TranslationException("arithmetic on C's long, whose width depends on the OS", at);
        }

        return e;
    }

    private TranslatedExpression Binary(CBinary binary)
    {
        string op = binary.Operator;
        if (op == "/" && ArrayLength(binary) is { } length)
        {
            return length;
        }

        TranslatedExpression left = Translate(binary.Left), right = Translate(binary.Right);
        SourceLocation at = binary.Location;
        int precedence = P.Of(op);
        if (op is "&&" or "||")
        {
            TranslatedExpression l = Truth(left, at), r = Truth(right, at);
            return new TranslatedExpression($"{l.At(precedence)} {op} {r.At(precedence + 1)}", precedence, CTypeFacts.Int, "bool");
        }

        bool comparison = op is "==" or "!=" or "<" or ">" or "<=" or ">=";
        bool leftPointer = IsPointerOperand(left), rightPointer = IsPointerOperand(right);
        if (leftPointer || rightPointer)
        {
            return PointerBinary(op, left, right, leftPointer, rightPointer, comparison, at);
        }

        // An untyped macro parameter compared with an enum takes the enum's type.
        if (comparison && left.UntypedParameter is not null && right.UntypedParameter is null && _ctx.CSharp.IsEnum(right.CsType))
        {
            left = Convert(left, right.Type, at);
            left = Retype(left, right.Type, right.CsType);
        }
        else if (comparison && right.UntypedParameter is not null && left.UntypedParameter is null && _ctx.CSharp.IsEnum(left.CsType))
        {
            right = Convert(right, left.Type, at);
            right = Retype(right, left.Type, left.CsType);
        }

        if (comparison && left.CsType == right.CsType && _ctx.CSharp.IsEnum(left.CsType) && left.UntypedParameter is null)
        {
            return new TranslatedExpression($"{left.At(precedence)} {op} {right.At(precedence + 1)}", precedence, CTypeFacts.Int, "bool");
        }

        left = Arithmetic(left, at);
        right = Arithmetic(right, at);
        if (op is "<<" or ">>")
        {
            if (!Facts.IsInteger(left.Type) || !Facts.IsInteger(right.Type))
            {
                throw new TranslationException($"'{op}' on floating values", at);
            }

            CType shifted = Facts.Promote(left.Type);
            TranslatedExpression l = Operand(left, shifted, at), r = Operand(right, CTypeFacts.Int, at);
            NeedsUnchecked |= op == "<<";
            return new TranslatedExpression($"{l.At(precedence)} {op} {r.At(precedence + 1)}", precedence, shifted, l.CsType);
        }

        CType common = left.UntypedParameter is not null && right.UntypedParameter is not null
            ? CTypeFacts.Int
            : Facts.UsualArithmetic(left.Type, right.Type);
        if (op is "%" or "&" or "|" or "^" && !Facts.IsInteger(common))
        {
            throw new TranslationException($"'{op}' on floating values", at);
        }

        TranslatedExpression a = Operand(left, common, at), b = Operand(right, common, at);
        string text = $"{a.At(precedence)} {op} {b.At(precedence + 1)}";
        if (comparison)
        {
            return new TranslatedExpression(text, precedence, CTypeFacts.Int, "bool");
        }

        NeedsUnchecked |= op is "+" or "-" or "*" && Facts.IsInteger(common);
        string cs = a.UntypedParameter is not null && b.UntypedParameter is not null ? "int" : _ctx.Map(common);
        return new TranslatedExpression(text, precedence, common, cs);
    }

    /// <summary>An operand converted to the operation's type; an untyped parameter stays untyped (it is numeric).</summary>
    private TranslatedExpression Operand(TranslatedExpression e, CType type, SourceLocation at) =>
        e.UntypedParameter is not null ? e : Convert(e, type, at);

    private bool IsPointerOperand(TranslatedExpression e) =>
        e.UntypedParameter is null && (e.IsNullPointer || CSharpTypes.IsPointer(e.CsType) || _ctx.CSharp.WrapperPointer(e.CsType) is not null);

    private TranslatedExpression PointerBinary(string op, TranslatedExpression left, TranslatedExpression right, bool leftPointer, bool rightPointer, bool comparison, SourceLocation at)
    {
        int precedence = P.Of(op);
        if (comparison)
        {
            string l = PointerText(left, right, at), r = PointerText(right, left, at);
            return new TranslatedExpression($"{Parenthesize(l, precedence)} {op} {Parenthesize(r, precedence + 1)}", precedence, CTypeFacts.Int, "bool");
        }

        if (op is "+" or "-" && leftPointer && !rightPointer)
        {
            TranslatedExpression offset = IndexOperand(right, at);
            return new TranslatedExpression($"{left.At(precedence)} {op} {offset.At(precedence + 1)}", precedence, left.Type, left.CsType);
        }

        if (op == "+" && rightPointer && !leftPointer)
        {
            TranslatedExpression offset = IndexOperand(left, at);
            return new TranslatedExpression($"{right.At(precedence)} + {offset.At(precedence + 1)}", precedence, right.Type, right.CsType);
        }

        if (op == "-" && leftPointer && rightPointer && left.CsType == right.CsType)
        {
            var ptrdiff = new CPrimitiveType("ptrdiff_t");
            return new TranslatedExpression($"(nint)({left.At(precedence)} - {right.At(precedence + 1)})", P.Unary, ptrdiff, "nint");
        }

        throw new TranslationException($"'{op}' on pointers", at);
    }

    /// <summary>A pointer operand of a comparison as C# compares it (wrappers unwrapped, null as null).</summary>
    private string PointerText(TranslatedExpression e, TranslatedExpression other, SourceLocation at)
    {
        if (e.UntypedParameter is not null)
        {
            throw new TranslationException($"the parameter '{e.UntypedParameter}' compared with a pointer", at);
        }

        if (e.IsNullPointer || (e.Constant is { Bits: 0 } && Facts.IsInteger(e.Type)))
        {
            return "null";
        }

        if (_ctx.CSharp.WrapperPointer(e.CsType) is not null)
        {
            return e.At(P.Primary) + ".Value";
        }

        if (!CSharpTypes.IsPointer(e.CsType))
        {
            throw new TranslationException($"a comparison of {e.CsType} with {other.CsType}", at);
        }

        return e.At(P.Relational);
    }

    private static string Parenthesize(string text, int needed) =>
        needed > P.Relational && text.Contains(' ') ? "(" + text + ")" : text;

    private TranslatedExpression Assignment(CAssignment assignment)
    {
        TranslatedExpression target = Translate(assignment.Target);
        RequireTyped(target, "an assignable value", assignment.Location);
        if (!target.IsLvalue)
        {
            throw new TranslationException("an assignment to something that is not a variable or field", assignment.Location);
        }

        if (assignment.Operator != "=")
        {
            TranslatedExpression value = Translate(assignment.Value);
            if (value.CsType != target.CsType || !CSharpTypes.IsNumeric(target.CsType))
            {
                throw new TranslationException($"the compound assignment '{assignment.Operator}' between {target.CsType} and {value.CsType}", assignment.Location);
            }

            NeedsUnchecked = true;
            return new TranslatedExpression($"{target.Text} {assignment.Operator} {value.At(P.Assignment)}", P.Assignment, target.Type, target.CsType);
        }

        TranslatedExpression converted = TranslateAs(assignment.Value, target.Type);
        return new TranslatedExpression($"{target.Text} = {converted.At(P.Assignment)}", P.Assignment, target.Type, target.CsType);
    }

    private TranslatedExpression Conditional(CConditional conditional)
    {
        TranslatedExpression condition = Truth(Translate(conditional.Condition), conditional.Location);
        TranslatedExpression a = Translate(conditional.WhenTrue), b = Translate(conditional.WhenFalse);
        CType type;
        if (Facts.IsArithmetic(a.Type) && Facts.IsArithmetic(b.Type) && !IsPointerOperand(a) && !IsPointerOperand(b))
        {
            type = a.CsType == b.CsType ? a.Type : Facts.UsualArithmetic(a.Type, b.Type);
            a = Operand(a, type, conditional.Location);
            b = Operand(b, type, conditional.Location);
        }
        else if (a.IsNullPointer && !b.IsNullPointer)
        {
            type = b.Type;
            a = Convert(a, type, conditional.Location);
        }
        else if (b.IsNullPointer && !a.IsNullPointer)
        {
            type = a.Type;
            b = Convert(b, type, conditional.Location);
        }
        else if (a.CsType == b.CsType)
        {
            type = a.Type;
        }
        else
        {
            throw new TranslationException($"a conditional choosing between {a.CsType} and {b.CsType}", conditional.Location);
        }

        string cs = a.CsType;
        return new TranslatedExpression($"{condition.At(P.Conditional + 1)} ? {a.At(P.Conditional)} : {b.At(P.Conditional)}", P.Conditional, type, cs);
    }

    private TranslatedExpression SizeOf(CType type, SourceLocation at)
    {
        CType resolved = Facts.Resolve(type);
        if (resolved is CArrayType { Length: { } n } array)
        {
            TranslatedExpression element = SizeOf(array.Element, at);
            return new TranslatedExpression($"{n.ToString(CultureInfo.InvariantCulture)} * {element.At(P.Multiplicative + 1)}", P.Multiplicative, CTypeFacts.SizeT, "nuint");
        }

        if (Facts.IsVoid(type) || resolved is CFunctionType || resolved is CArrayType || Facts.Record(type) is { IsOpaque: true })
        {
            throw new TranslationException($"sizeof of {_ctx.Map(type)}, which has no size", at);
        }

        return new TranslatedExpression($"(nuint)sizeof({_ctx.Map(CTypeFacts.Strip(type))})", P.Unary, CTypeFacts.SizeT, "nuint");
    }

    private TranslatedExpression SizeOfExpression(CSizeOfExpression size)
    {
        if (ArrayElement(size.Operand) is { } element)
        {
            return SizeOf(element, size.Location);
        }

        TranslatedExpression operand = Translate(size.Operand);
        RequireTyped(operand, "a value of known size", size.Location);
        return SizeOf(operand.Type, size.Location);
    }

    /// <summary>
    /// <c>sizeof(a)/sizeof(*(a))</c> (or <c>sizeof(a)/sizeof(a[0])</c>) over a borrowed array parameter: its length.
    /// </summary>
    private TranslatedExpression? ArrayLength(CBinary binary)
    {
        if (binary.Left is CSizeOfExpression { Operand: CIdentifier array } && binary.Right is CSizeOfExpression right
            && ArrayIdiom.IsElementOf(right.Operand, array.Name)
            && Scope.Find(array.Name) is { Kind: VariableKind.ArraySpan or VariableKind.ArrayPointer } variable)
        {
            return new TranslatedExpression(variable.LengthText ?? "0", P.Unary, CTypeFacts.SizeT, "nuint");
        }

        return null;
    }

    /// <summary>The element type of <c>*(a)</c> or <c>a[0]</c> over a borrowed array parameter, or null.</summary>
    private CType? ArrayElement(CExpression operand)
    {
        if (ArrayIdiom.ElementArray(operand) is { } name && Scope.Find(name) is { Kind: VariableKind.ArraySpan or VariableKind.ArrayPointer } variable)
        {
            return variable.Element ?? (Inference is not null ? CTypeFacts.Int : null);
        }

        return null;
    }

    private void RequireTyped(TranslatedExpression e, string what, SourceLocation at)
    {
        if (e.UntypedParameter is { } parameter)
        {
            throw new TranslationException($"the parameter '{parameter}' used as {what}, which does not say its type", at);
        }
    }

    /// <summary>The C# reference to a member of the class that holds <paramref name="declaredAt"/>'s declarations.</summary>
    private string Qualify(SourceLocation declaredAt, string name)
    {
        string cls = _ctx.ClassOf(declaredAt);
        return cls == _class ? Identifiers.Escape(name) : cls + "." + Identifiers.Escape(name);
    }

    private static TranslatedExpression Retype(TranslatedExpression e, CType type, string cs) =>
        new(e.Text, e.Precedence, type, cs) { Constant = e.Constant, IsLvalue = e.IsLvalue };

    /// <summary>A C# cast of <paramref name="e"/> to <paramref name="cs"/>, parenthesizing the operand where C# would misread it.</summary>
    public static string CastText(string cs, TranslatedExpression e)
    {
        bool bare = e.Precedence >= P.Primary
            || (e.Precedence == P.Unary && e.Text.Length > 0 && e.Text[0] is '(' or '!' or '~');
        return $"({cs}){(bare ? e.Text : "(" + e.Text + ")")}";
    }
}
