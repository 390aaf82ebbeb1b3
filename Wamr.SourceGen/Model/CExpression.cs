using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Model;

/// <summary>
/// An expression of a C function body or macro body, as written (after preprocessing for function bodies, before
/// it for macro bodies). Identifiers are not resolved here: the translator resolves them against the whole model.
/// </summary>
/// <param name="Location">Where the expression starts.</param>
public abstract record CExpression(SourceLocation Location);

/// <summary>A name: a parameter, local, enum member, constant, function or (in macro bodies) another macro.</summary>
/// <param name="Name">The identifier.</param>
/// <param name="Location">Where it is written.</param>
public sealed record CIdentifier(string Name, SourceLocation Location) : CExpression(Location);

/// <summary>A literal as spelled in C.</summary>
/// <param name="Kind">Integer, floating, character or string.</param>
/// <param name="Text">The exact spelling, suffixes and quotes included.</param>
/// <param name="Location">Where it is written.</param>
public sealed record CLiteral(CLiteralKind Kind, string Text, SourceLocation Location) : CExpression(Location);

/// <summary><c>target.member</c> or <c>target-&gt;member</c>.</summary>
/// <param name="Target">The struct or union (or the pointer to it).</param>
/// <param name="Member">The field name.</param>
/// <param name="IsArrow">True for <c>-&gt;</c>.</param>
/// <param name="Location">Where the target starts.</param>
public sealed record CMemberAccess(CExpression Target, string Member, bool IsArrow, SourceLocation Location) : CExpression(Location);

/// <summary><c>target[index]</c>.</summary>
/// <param name="Target">The array or pointer.</param>
/// <param name="Index">The index.</param>
/// <param name="Location">Where the target starts.</param>
public sealed record CIndex(CExpression Target, CExpression Index, SourceLocation Location) : CExpression(Location);

/// <summary>A call <c>callee(arguments)</c>.</summary>
/// <param name="Callee">What is called (the translator supports function names).</param>
/// <param name="Arguments">The arguments in order.</param>
/// <param name="Location">Where the callee starts.</param>
public sealed record CCall(CExpression Callee, EquatableArray<CExpression> Arguments, SourceLocation Location) : CExpression(Location);

/// <summary>A cast <c>(type)operand</c>.</summary>
/// <param name="Type">The type cast to.</param>
/// <param name="Operand">The value.</param>
/// <param name="Location">Where the opening parenthesis is.</param>
public sealed record CCast(CType Type, CExpression Operand, SourceLocation Location) : CExpression(Location);

/// <summary>A prefix operator: <c>+ - ! ~ * &amp;</c>.</summary>
/// <param name="Operator">The operator's spelling.</param>
/// <param name="Operand">The operand.</param>
/// <param name="Location">Where the operator is.</param>
public sealed record CUnary(string Operator, CExpression Operand, SourceLocation Location) : CExpression(Location);

/// <summary>A binary operator: arithmetic, shifts, comparisons, bitwise and logical operators.</summary>
/// <param name="Operator">The operator's spelling.</param>
/// <param name="Left">The left operand.</param>
/// <param name="Right">The right operand.</param>
/// <param name="Location">Where the left operand starts.</param>
public sealed record CBinary(string Operator, CExpression Left, CExpression Right, SourceLocation Location) : CExpression(Location);

/// <summary>An assignment: <c>=</c> or a compound one (<c>+=</c> …).</summary>
/// <param name="Operator">The operator's spelling.</param>
/// <param name="Target">What is assigned.</param>
/// <param name="Value">The value.</param>
/// <param name="Location">Where the target starts.</param>
public sealed record CAssignment(string Operator, CExpression Target, CExpression Value, SourceLocation Location) : CExpression(Location);

/// <summary><c>condition ? whenTrue : whenFalse</c>.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="WhenTrue">The value when it holds.</param>
/// <param name="WhenFalse">The value otherwise.</param>
/// <param name="Location">Where the condition starts.</param>
public sealed record CConditional(CExpression Condition, CExpression WhenTrue, CExpression WhenFalse, SourceLocation Location) : CExpression(Location);

/// <summary><c>sizeof(type)</c>.</summary>
/// <param name="Type">The type measured.</param>
/// <param name="Location">Where <c>sizeof</c> is.</param>
public sealed record CSizeOfType(CType Type, SourceLocation Location) : CExpression(Location);

/// <summary><c>sizeof expression</c>.</summary>
/// <param name="Operand">The expression whose type is measured (not evaluated).</param>
/// <param name="Location">Where <c>sizeof</c> is.</param>
public sealed record CSizeOfExpression(CExpression Operand, SourceLocation Location) : CExpression(Location);

/// <summary>
/// A brace initializer <c>{ … }</c>: positional (<c>{0, NULL}</c>) or designated (<c>{.kind = WASM_I32, .of = {.i32 = 1}}</c>).
/// The struct it initializes comes from its context (a declaration), or, in a macro body, from matching its
/// fields against the model's structs.
/// </summary>
/// <param name="Items">The items in order.</param>
/// <param name="Location">Where the opening brace is.</param>
public sealed record CInitializerList(EquatableArray<CInitializerItem> Items, SourceLocation Location) : CExpression(Location);

/// <summary>A compound literal <c>(type){ … }</c>.</summary>
/// <param name="Type">The type of the object made.</param>
/// <param name="Initializer">Its initializer.</param>
/// <param name="Location">Where the opening parenthesis is.</param>
public sealed record CCompoundLiteral(CType Type, CInitializerList Initializer, SourceLocation Location) : CExpression(Location);

/// <summary>One item of a brace initializer.</summary>
/// <param name="Designators">The field path (<c>.of.i32</c> → <c>of</c>, <c>i32</c>); empty for a positional item.</param>
/// <param name="Value">The value (itself a <see cref="CInitializerList"/> for a nested brace).</param>
public sealed record CInitializerItem(EquatableArray<string> Designators, CExpression Value);

/// <summary>The kinds of C literals.</summary>
public enum CLiteralKind
{
    /// <summary><c>0x10000</c>, <c>1024u</c>.</summary>
    Integer,

    /// <summary><c>1.5f</c>, <c>2e10</c>.</summary>
    Floating,

    /// <summary><c>'a'</c>.</summary>
    Character,

    /// <summary><c>"text"</c>.</summary>
    String,
}
