using System.Collections.Generic;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Recognises C's array-length idiom <c>sizeof(a)/sizeof(*(a))</c> (also <c>sizeof(a)/sizeof(a[0])</c>) in a macro
/// body: a parameter measured that way is an array the macro borrows, not a scalar.
/// </summary>
internal static class ArrayIdiom
{
    /// <summary>The parameters of <paramref name="body"/> measured with the idiom.</summary>
    public static HashSet<string> ArrayParameters(CExpression body, IEnumerable<string> parameters)
    {
        var names = new HashSet<string>(parameters);
        var found = new HashSet<string>();
        Visit(body, e =>
        {
            if (e is CBinary { Operator: "/", Left: CSizeOfExpression { Operand: CIdentifier a }, Right: CSizeOfExpression right }
                && names.Contains(a.Name) && IsElementOf(right.Operand, a.Name))
            {
                found.Add(a.Name);
            }
        });
        return found;
    }

    /// <summary>Whether <paramref name="e"/> is <c>*a</c> or <c>a[0]</c>.</summary>
    public static bool IsElementOf(CExpression e, string array) => ElementArray(e) == array;

    /// <summary>The array <paramref name="e"/> takes the first element of (<c>*a</c>, <c>a[0]</c>), or null.</summary>
    public static string? ElementArray(CExpression e) => e switch
    {
        CUnary { Operator: "*", Operand: CIdentifier a } => a.Name,
        CIndex { Target: CIdentifier a, Index: CLiteral { Kind: CLiteralKind.Integer, Text: "0" } } => a.Name,
        _ => null,
    };

    /// <summary>Calls <paramref name="visit"/> on <paramref name="e"/> and every expression inside it.</summary>
    public static void Visit(CExpression e, System.Action<CExpression> visit)
    {
        visit(e);
        switch (e)
        {
            case CMemberAccess m: Visit(m.Target, visit); break;
            case CIndex i: Visit(i.Target, visit); Visit(i.Index, visit); break;
            case CCall c:
                Visit(c.Callee, visit);
                foreach (CExpression a in c.Arguments)
                {
                    Visit(a, visit);
                }

                break;
            case CCast c: Visit(c.Operand, visit); break;
            case CUnary u: Visit(u.Operand, visit); break;
            case CBinary b: Visit(b.Left, visit); Visit(b.Right, visit); break;
            case CAssignment a: Visit(a.Target, visit); Visit(a.Value, visit); break;
            case CConditional c: Visit(c.Condition, visit); Visit(c.WhenTrue, visit); Visit(c.WhenFalse, visit); break;
            case CSizeOfExpression s: Visit(s.Operand, visit); break;
            case CCompoundLiteral l: Visit(l.Initializer, visit); break;
            case CInitializerList l:
                foreach (CInitializerItem item in l.Items)
                {
                    Visit(item.Value, visit);
                }

                break;
        }
    }
}
