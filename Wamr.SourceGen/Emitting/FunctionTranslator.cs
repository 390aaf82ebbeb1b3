using System.Collections.Generic;
using System.Globalization;
using System.Linq;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Translates an inline function of a header (<c>static inline wasm_valtype_t* wasm_valtype_new_i32(void) { … }</c>)
/// into a C# method of the same name and signature whose body is the C body in C#: <c>public static wasm_valtype_t*
/// wasm_valtype_new_i32() => wasm_valtype_new(WASM_I32);</c>. Pointer parameters the body always reads through are
/// checked for null first. Throws <see cref="TranslationException"/> when the body cannot be translated.
/// </summary>
internal static class FunctionTranslator
{
    public static TranslatedHelper Translate(FunctionDecl f, HelperContext ctx)
    {
        FunctionBody body = f.Body!;
        if (body.Problem is { } problem)
        {
            throw new TranslationException(problem.Message, problem.Location);
        }

        if (f.IsVariadic)
        {
            throw new TranslationException("a variadic function", f.Location);
        }

        string className = ctx.ClassOf(f.Location);
        CType returnType = CTypeFacts.Strip(f.ReturnType);
        if (ctx.Facts.Resolve(returnType) is CArrayType or CFunctionType)
        {
            throw new TranslationException("a function returning an array or a function", f.Location);
        }

        string returnCs = ctx.Map(returnType);
        if (CSharpTypes.IsCLong(returnCs) || f.Parameters.Any(p => CSharpTypes.IsCLong(ctx.Map(p.Type))))
        {
            throw new TranslationException("C's long in the signature, whose width depends on the OS", f.Location);
        }

        var x = new ExpressionTranslator(ctx, className, inference: null);
        var parameters = new List<(string Cs, string Name, string CName, CType Type)>();
        foreach (CParameter p in f.Parameters)
        {
            if (p.Name is null)
            {
                throw new TranslationException("an unnamed parameter in a definition", f.Location);
            }

            CType type = ctx.Facts.Resolve(p.Type) is CArrayType a ? new CPointerType(a.Element) : CTypeFacts.Strip(p.Type);
            string name = Identifiers.Escape(p.Name);
            if (!x.Scope.TryDeclare(new Variable(p.Name, name, type, VariableKind.Value)))
            {
                throw new TranslationException($"two parameters named '{p.Name}'", f.Location);
            }

            parameters.Add((ctx.Map(type), name, p.Name, type));
        }

        x.Scope.Push();
        var statements = new StatementTranslator(ctx, x, returnType);
        statements.Body(body.Statements, f.Location);

        IEnumerable<string> pointerParameters = parameters
            .Where(p => CSharpTypes.IsPointer(p.Cs) || ctx.CSharp.WrapperPointer(p.Cs) is not null)
            .Select(p => p.CName);
        List<string> guarded = NullGuards.Find(body.Statements, pointerParameters);

        var lines = new List<string>();
        string header = System.IO.Path.GetFileName(f.Location.File);
        string remarks = $"<c>{Identifiers.Xml(CTypePrinter.Prototype(f))}</c> — <c>{Identifiers.Xml(header)}</c> line {f.Location.Line.ToString(CultureInfo.InvariantCulture)}: "
            + "an inline function of the header, translated from its C body by Wamr.SourceGen (it is not a library export).";
        string doc = DocComments.Summary(f.Doc, $"The inline helper <c>{f.Name}</c> of <c>{Identifiers.Xml(header)}</c>.", remarks)
            + string.Concat(parameters.Select(p => $"\n<param name=\"{p.CName}\">The C parameter <c>{p.CName}</c>.</param>"))
            + (returnCs == "void" ? string.Empty : "\n<returns>What the C function returns.</returns>")
            + string.Concat(guarded.Select(g => $"\n<exception cref=\"global::System.ArgumentNullException\"><paramref name=\"{g}\"/> is null: the C function would dereference it.</exception>"));
        lines.AddRange(DocLines(doc));
        if (x.MissingExports.Count > 0)
        {
            lines.Add(ObsoleteAttribute(f.Name, x.MissingExports, ctx));
        }

        string signature = $"public static {returnCs} {Identifiers.Escape(f.Name)}({string.Join(", ", parameters.Select(p => p.Cs + " " + p.Name))})";
        IReadOnlyList<string> bodyLines = statements.Lines;
        if (guarded.Count == 0 && statements.SingleExpression is { } expression)
        {
            lines.Add($"{signature} => {(x.NeedsUnchecked ? "unchecked(" + expression + ")" : expression)};");
            return new TranslatedHelper(f.Name, className, lines, x.Calls, f.Location);
        }

        lines.Add(signature);
        lines.Add("{");
        foreach (string g in guarded)
        {
            (string cs, string name, _, _) = parameters.First(p => p.CName == g);
            string test = ctx.CSharp.WrapperPointer(cs) is not null ? $"{name}.IsNull" : $"{name} == null";
            lines.Add($"    if ({test})");
            lines.Add("    {");
            lines.Add($"        throw new global::System.ArgumentNullException(nameof({name}), \"{f.Name} reads through {g}, which must not be null.\");");
            lines.Add("    }");
            lines.Add(string.Empty);
        }

        string indent = x.NeedsUnchecked ? "        " : "    ";
        if (x.NeedsUnchecked)
        {
            lines.Add("    unchecked");
            lines.Add("    {");
        }

        lines.AddRange(bodyLines.Select(l => indent + l));
        if (x.NeedsUnchecked)
        {
            lines.Add("    }");
        }

        lines.Add("}");
        return new TranslatedHelper(f.Name, className, lines, x.Calls, f.Location);
    }

    /// <summary>The <c>///</c> lines of a doc comment.</summary>
    public static IEnumerable<string> DocLines(string xml) => xml.Split('\n').Select(l => ("/// " + l).TrimEnd());

    /// <summary>[Obsolete] for a helper that calls functions the library does not export (it fails when called).</summary>
    public static string ObsoleteAttribute(string helper, IEnumerable<string> missing, HelperContext ctx)
    {
        string names = string.Join(", ", missing);
        string message = $"{helper} calls {names}, which the {ctx.Options.LibraryName} library these bindings were generated for does not export: {MissingExportHints.For(missing.First())}";
        return $"[global::System.Obsolete(\"{message.Replace("\\", "\\\\").Replace("\"", "\\\"")}\", DiagnosticId = \"{FunctionEmitter.MissingExportDiagnosticId}\")]";
    }
}
