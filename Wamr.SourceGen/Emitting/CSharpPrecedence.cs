namespace Wamr.SourceGen.Emitting;

/// <summary>C# operator precedence levels, lowest first, for parenthesizing translated expressions only where needed.</summary>
internal static class CSharpPrecedence
{
    public const int Assignment = 1;
    public const int Conditional = 2;
    public const int ConditionalOr = 4;
    public const int ConditionalAnd = 5;
    public const int Or = 6;
    public const int Xor = 7;
    public const int And = 8;
    public const int Equality = 9;
    public const int Relational = 10;
    public const int Shift = 11;
    public const int Additive = 12;
    public const int Multiplicative = 13;
    public const int Unary = 14;
    public const int Primary = 15;

    /// <summary>The level of a binary operator (the same operators as C, at the same relative levels).</summary>
    public static int Of(string binaryOperator) => binaryOperator switch
    {
        "*" or "/" or "%" => Multiplicative,
        "+" or "-" => Additive,
        "<<" or ">>" => Shift,
        "<" or ">" or "<=" or ">=" => Relational,
        "==" or "!=" => Equality,
        "&" => And,
        "^" => Xor,
        "|" => Or,
        "&&" => ConditionalAnd,
        "||" => ConditionalOr,
        _ => Assignment,
    };
}
