using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Model;
using Wamr.SourceGen.Parsing;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.Tests.SourceGen.Parsing;

/// <summary>Feeds macro-free C text to the parser the way the preprocessor will.</summary>
internal static class ParserTestHelper
{
    public const string File = "test.h";

    public static PreprocessResult Preprocessed(string text) => new(
        Lexer.Tokenize(File, text).ToEquatableArray(),
        EquatableArray<MacroDefinition>.Empty,
        EquatableArray<DiagnosticInfo>.Empty);

    public static HeaderModel Parse(string text, int pointerSize = 8) => CParser.Parse(Preprocessed(text), pointerSize);

    /// <summary>Parses text that must produce no diagnostics.</summary>
    public static HeaderModel ParseClean(string text, int pointerSize = 8)
    {
        HeaderModel model = Parse(text, pointerSize);
        Assert.IsEmpty(model.Diagnostics, string.Join("\n", model.Diagnostics));
        return model;
    }

    public static RecordDecl Record(this HeaderModel model, string name) =>
        model.Records.Single(r => r.Name == name);

    public static EnumDecl Enum(this HeaderModel model, string name) =>
        model.Enums.Single(e => e.Name == name);

    public static TypedefDecl Typedef(this HeaderModel model, string name) =>
        model.Typedefs.Single(t => t.Name == name);

    public static FunctionDecl Function(this HeaderModel model, string name) =>
        model.Functions.Single(f => f.Name == name);

    public static ConstantDecl Constant(this HeaderModel model, string name) =>
        model.Constants.Single(c => c.Name == name);

    public static CPrimitiveType Prim(string name, bool isConst = false) => new(name, isConst);

    public static CPointerType Ptr(CType pointee, bool isConst = false) => new(pointee, isConst);

    public static CTypedefRef Td(string name, bool isConst = false) => new(name, isConst);

    public static CTagRef Struct(string tag, bool isConst = false) => new(TagKind.Struct, tag, isConst);

    public static CTagRef Union(string tag, bool isConst = false) => new(TagKind.Union, tag, isConst);

    public static CTagRef EnumRef(string tag) => new(TagKind.Enum, tag);

    public static CParameter Param(string? name, CType type) => new(name, type);

    public static EquatableArray<CParameter> Params(params CParameter[] parameters) => parameters.ToEquatableArray();

    public static CFunctionType Fn(CType returnType, params CParameter[] parameters) => new(returnType, Params(parameters), false);

    public static SourceLocation At(int line, int column) => new(File, line, column);
}
