using System.Collections.Generic;
using System.Linq;

using Wamr.SourceGen.Model;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// Finds the pointer parameters an inline body always reads through (<c>p-&gt;f</c>, <c>*p</c>, <c>p[i]</c>,
/// <c>strlen(p)</c>) before assigning them: C would crash on a null one, so the C# helper checks them first and
/// throws <c>ArgumentNullException</c>. Reads under a condition (<c>if</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>?:</c>) do not count.
/// </summary>
internal static class NullGuards
{
    /// <summary>The parameters to check, in parameter order.</summary>
    public static List<string> Find(IReadOnlyList<CStatement> body, IEnumerable<string> pointerParameters)
    {
        var candidates = new HashSet<string>(pointerParameters);
        var assigned = new HashSet<string>();
        var dereferenced = new HashSet<string>();
        Statements(body, candidates, assigned, dereferenced);
        return pointerParameters.Where(dereferenced.Contains).ToList();
    }

    private static void Statements(IEnumerable<CStatement> statements, HashSet<string> candidates, HashSet<string> assigned, HashSet<string> dereferenced)
    {
        foreach (CStatement s in statements)
        {
            switch (s)
            {
                case CReturnStatement r:
                    if (r.Value is { } v)
                    {
                        Expression(v, candidates, assigned, dereferenced);
                    }

                    return;
                case CExpressionStatement e:
                    Expression(e.Expression, candidates, assigned, dereferenced);
                    break;
                case CDeclarationStatement d:
                    foreach (CLocal local in d.Locals)
                    {
                        if (local.Initializer is { } init)
                        {
                            Expression(init, candidates, assigned, dereferenced);
                        }
                    }

                    break;
                case CIfStatement i:
                    Expression(i.Condition, candidates, assigned, dereferenced);
                    Assignments(i.Then, assigned);
                    if (i.Else is { } otherwise)
                    {
                        Assignments(otherwise, assigned);
                    }

                    break;
                case CBlockStatement b:
                    Statements(b.Statements, candidates, assigned, dereferenced);
                    break;
            }
        }
    }

    private static void Expression(CExpression e, HashSet<string> candidates, HashSet<string> assigned, HashSet<string> dereferenced)
    {
        string? Parameter(CExpression x) => x is CIdentifier id && candidates.Contains(id.Name) && !assigned.Contains(id.Name) ? id.Name : null;

        switch (e)
        {
            case CMemberAccess { IsArrow: true } m when Parameter(m.Target) is { } p:
                dereferenced.Add(p);
                return;
            case CUnary { Operator: "*" } u when Parameter(u.Operand) is { } p:
                dereferenced.Add(p);
                return;
            case CIndex i when Parameter(i.Target) is { } p:
                dereferenced.Add(p);
                Expression(i.Index, candidates, assigned, dereferenced);
                return;
            case CCall { Callee: CIdentifier callee } call when LibcFunctions.Find(callee.Name) is { } libc:
                foreach (int index in libc.Dereferences)
                {
                    if (index < call.Arguments.Count && Parameter(call.Arguments[index]) is { } p)
                    {
                        dereferenced.Add(p);
                    }
                }

                break;
            case CBinary { Operator: "&&" or "||" } b:
                Expression(b.Left, candidates, assigned, dereferenced);
                return;
            case CConditional c:
                Expression(c.Condition, candidates, assigned, dereferenced);
                return;
            case CSizeOfExpression:
                return;
            case CAssignment { Target: CIdentifier target } a:
                Expression(a.Value, candidates, assigned, dereferenced);
                assigned.Add(target.Name);
                return;
        }

        switch (e)
        {
            case CMemberAccess m: Expression(m.Target, candidates, assigned, dereferenced); break;
            case CIndex i: Expression(i.Target, candidates, assigned, dereferenced); Expression(i.Index, candidates, assigned, dereferenced); break;
            case CCall c:
                foreach (CExpression a in c.Arguments)
                {
                    Expression(a, candidates, assigned, dereferenced);
                }

                break;
            case CCast c: Expression(c.Operand, candidates, assigned, dereferenced); break;
            case CUnary u: Expression(u.Operand, candidates, assigned, dereferenced); break;
            case CBinary b: Expression(b.Left, candidates, assigned, dereferenced); Expression(b.Right, candidates, assigned, dereferenced); break;
            case CAssignment a: Expression(a.Target, candidates, assigned, dereferenced); Expression(a.Value, candidates, assigned, dereferenced); break;
            case CCompoundLiteral l: Expression(l.Initializer, candidates, assigned, dereferenced); break;
            case CInitializerList l:
                foreach (CInitializerItem item in l.Items)
                {
                    Expression(item.Value, candidates, assigned, dereferenced);
                }

                break;
        }
    }

    private static void Assignments(CStatement s, HashSet<string> assigned)
    {
        void Visit(CExpression e) => ArrayIdiom.Visit(e, x =>
        {
            if (x is CAssignment { Target: CIdentifier target })
            {
                assigned.Add(target.Name);
            }
        });

        switch (s)
        {
            case CReturnStatement { Value: { } v }: Visit(v); break;
            case CExpressionStatement e: Visit(e.Expression); break;
            case CDeclarationStatement d:
                foreach (CLocal l in d.Locals)
                {
                    if (l.Initializer is { } i)
                    {
                        Visit(i);
                    }
                }

                break;
            case CIfStatement i:
                Visit(i.Condition);
                Assignments(i.Then, assigned);
                if (i.Else is { } otherwise)
                {
                    Assignments(otherwise, assigned);
                }

                break;
            case CBlockStatement b:
                foreach (CStatement x in b.Statements)
                {
                    Assignments(x, assigned);
                }

                break;
        }
    }
}
