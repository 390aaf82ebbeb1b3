using System.Collections.Generic;
using System.Globalization;
using System.Linq;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// The lookups every helper translation shares: the model's functions, enum members, <c>static const</c> objects
/// and integer macro constants, each with the class it is emitted into; C and C# type rules; the binding options.
/// </summary>
internal sealed class HelperContext
{
    private readonly Dictionary<string, FunctionDecl> _functions = new();
    private readonly Dictionary<string, (EnumMember Member, EnumDecl Enum)> _enumMembers = new();
    private readonly Dictionary<string, ConstantDecl> _constants = new();
    private readonly Dictionary<string, MacroConstant> _macroConstants = new();

    public HelperContext(TypeTable types, TypeMapper mapper, BindingOptions options)
    {
        Types = types;
        Mapper = mapper;
        Options = options;
        Facts = new CTypeFacts(types);
        CSharp = new CSharpTypes(types, mapper);
        Exports = options.ExportedSymbols is { } symbols ? new HashSet<string>(symbols) : null;
        foreach (FunctionDecl f in types.Model.Functions)
        {
            if (!_functions.ContainsKey(f.Name))
            {
                _functions.Add(f.Name, f);
            }
        }

        foreach (EnumDecl e in types.Model.Enums)
        {
            foreach (EnumMember m in e.Members)
            {
                if (!_enumMembers.ContainsKey(m.Name))
                {
                    _enumMembers.Add(m.Name, (m, e));
                }
            }
        }

        foreach (ConstantDecl c in types.Model.Constants)
        {
            if (!_constants.ContainsKey(c.Name))
            {
                _constants.Add(c.Name, c);
            }
        }

        foreach (MacroDefinition m in types.Model.Macros)
        {
            if (!m.IsFunctionLike && MacroConstants.Evaluate(m, types, options.PointerSize) is { } value)
            {
                _macroConstants[m.Name] = new MacroConstant(m, value, MacroConstants.CSharpType(value));
            }
        }
    }

    public TypeTable Types { get; }

    public TypeMapper Mapper { get; }

    public BindingOptions Options { get; }

    public CTypeFacts Facts { get; }

    public CSharpTypes CSharp { get; }

    /// <summary>The symbols the library exports, or null when unknown.</summary>
    public HashSet<string>? Exports { get; }

    public FunctionDecl? Function(string name) => _functions.TryGetValue(name, out FunctionDecl? f) ? f : null;

    public (EnumMember Member, EnumDecl Enum)? EnumMember(string name) =>
        _enumMembers.TryGetValue(name, out var m) ? m : null;

    public ConstantDecl? Constant(string name) => _constants.TryGetValue(name, out ConstantDecl? c) ? c : null;

    public MacroConstant? MacroConstant(string name) => _macroConstants.TryGetValue(name, out MacroConstant? c) ? c : null;

    /// <summary>The class that holds what <paramref name="location"/>'s header declares.</summary>
    public string ClassOf(SourceLocation location) => Options.ClassFor(location.File);

    /// <summary>The C# type for <paramref name="type"/>.</summary>
    public string Map(CType type) => Mapper.Map(type);

    /// <summary>Whether the library exports <paramref name="function"/> (true when unknown).</summary>
    public bool IsExported(string function) => Exports is null || Exports.Contains(function);

    /// <summary>The value of an integer constant's text (<see cref="ConstantDecl.Value"/>), or null.</summary>
    public static ConstantValue? ParseValue(string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long signed))
        {
            return ConstantValue.Signed(signed);
        }

        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong unsigned) ? ConstantValue.Unsigned(unsigned) : null;
    }

    /// <summary>The names of the inline functions with a parsed body, in model order.</summary>
    public IEnumerable<FunctionDecl> InlineFunctions => Types.Model.Functions.Where(f => f.IsInline && f.Body is not null);
}

/// <summary>An object-like macro that is an integer constant expression, emitted as a C# constant.</summary>
/// <param name="Macro">The macro.</param>
/// <param name="Value">Its value.</param>
/// <param name="CsType">The C# type of the constant (<c>int</c>, <c>uint</c>, <c>long</c> or <c>ulong</c>).</param>
internal sealed record MacroConstant(MacroDefinition Macro, ConstantValue Value, string CsType);
