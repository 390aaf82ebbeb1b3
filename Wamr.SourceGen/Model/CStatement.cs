using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Model;

/// <summary>A statement of an inline function's body.</summary>
/// <param name="Location">Where it starts.</param>
public abstract record CStatement(SourceLocation Location);

/// <summary><c>return;</c> or <c>return value;</c>.</summary>
/// <param name="Value">The value, or null.</param>
/// <param name="Location">Where <c>return</c> is.</param>
public sealed record CReturnStatement(CExpression? Value, SourceLocation Location) : CStatement(Location);

/// <summary>An expression evaluated for its effect: <c>f(x);</c>, <c>out-&gt;kind = k;</c>.</summary>
/// <param name="Expression">The expression.</param>
/// <param name="Location">Where it starts.</param>
public sealed record CExpressionStatement(CExpression Expression, SourceLocation Location) : CStatement(Location);

/// <summary>A declaration of locals: <c>wasm_valtype_vec_t params, results;</c>, <c>wasm_valtype_t* ps[1] = {p};</c>.</summary>
/// <param name="Locals">The declarators in order.</param>
/// <param name="Location">Where the declaration starts.</param>
public sealed record CDeclarationStatement(EquatableArray<CLocal> Locals, SourceLocation Location) : CStatement(Location);

/// <summary>One declared local.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its type (arrays stay arrays; an unsized one gets its length from the initializer).</param>
/// <param name="Initializer">Its initializer (an expression or a <see cref="CInitializerList"/>), or null.</param>
/// <param name="Location">Where the name is.</param>
public sealed record CLocal(string Name, CType Type, CExpression? Initializer, SourceLocation Location);

/// <summary><c>if (condition) then else otherwise</c>.</summary>
/// <param name="Condition">The condition.</param>
/// <param name="Then">The statement run when it holds.</param>
/// <param name="Else">The statement run otherwise, or null.</param>
/// <param name="Location">Where <c>if</c> is.</param>
public sealed record CIfStatement(CExpression Condition, CStatement Then, CStatement? Else, SourceLocation Location) : CStatement(Location);

/// <summary>A compound statement <c>{ … }</c>.</summary>
/// <param name="Statements">Its statements.</param>
/// <param name="Location">Where the brace is.</param>
public sealed record CBlockStatement(EquatableArray<CStatement> Statements, SourceLocation Location) : CStatement(Location);
