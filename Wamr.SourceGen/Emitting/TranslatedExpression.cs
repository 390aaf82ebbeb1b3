using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Emitting;

/// <summary>
/// A C expression translated to C#: the C# text, its C# precedence, the type C gives it (for C's rules) and the C#
/// type of the text (for C#'s rules), and what is known of its value.
/// </summary>
internal sealed class TranslatedExpression
{
    public TranslatedExpression(string text, int precedence, CType type, string csType)
    {
        Text = text;
        Precedence = precedence;
        Type = type;
        CsType = csType;
    }

    /// <summary>The C# text.</summary>
    public string Text { get; }

    /// <summary>The C# precedence of the text's outermost operator.</summary>
    public int Precedence { get; }

    /// <summary>The type C gives the expression (a comparison is an <c>int</c>).</summary>
    public CType Type { get; }

    /// <summary>The C# type of <see cref="Text"/> (a comparison is a <c>bool</c>).</summary>
    public string CsType { get; }

    /// <summary>Whether it is a null pointer constant (<c>NULL</c>, <c>(void*)0</c>); then <see cref="Text"/> is <c>null</c>.</summary>
    public bool IsNullPointer { get; init; }

    /// <summary>Its value when it is an integer constant C# also sees as a constant (a literal).</summary>
    public ConstantValue? Constant { get; init; }

    /// <summary>Whether C could assign to it (a variable, a field, <c>*p</c>, <c>a[i]</c>).</summary>
    public bool IsLvalue { get; init; }

    /// <summary>While inferring a macro's parameter types: the parameter this expression is, untyped so far.</summary>
    public string? UntypedParameter { get; init; }

    /// <summary>The text parenthesized when its precedence is below <paramref name="needed"/>.</summary>
    public string At(int needed) => Precedence < needed ? "(" + Text + ")" : Text;
}
