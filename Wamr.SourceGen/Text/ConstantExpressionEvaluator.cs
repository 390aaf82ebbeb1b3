using System;
using System.Collections.Generic;
using System.Globalization;

using Wamr.SourceGen.Preprocessing;

namespace Wamr.SourceGen.Text;

/// <summary>
/// Evaluates a C integer constant expression given as tokens: literals (with suffixes), character constants,
/// unary <c>+ - ~ !</c>, binary arithmetic, shifts, comparisons, bitwise and logical operators, <c>?:</c>,
/// parentheses, casts to integer types and <c>sizeof</c> of built-in types. Identifiers are resolved by a
/// callback (the preprocessor maps the ones left after expansion to 0; the parser maps enum members).
/// Used by <c>#if</c> and by enum values, array lengths and constant initializers.
/// </summary>
public sealed class ConstantExpressionEvaluator
{
    private static readonly Dictionary<string, (int Size, bool Unsigned)> IntegerTypes = new()
    {
        ["char"] = (1, false),
        ["signed char"] = (1, false),
        ["unsigned char"] = (1, true),
        ["_Bool"] = (1, true),
        ["bool"] = (1, true),
        ["short"] = (2, false),
        ["unsigned short"] = (2, true),
        ["int"] = (4, false),
        ["unsigned int"] = (4, true),
        ["unsigned"] = (4, true),
        ["long long"] = (8, false),
        ["unsigned long long"] = (8, true),
        ["int8_t"] = (1, false),
        ["uint8_t"] = (1, true),
        ["int16_t"] = (2, false),
        ["uint16_t"] = (2, true),
        ["int32_t"] = (4, false),
        ["uint32_t"] = (4, true),
        ["int64_t"] = (8, false),
        ["uint64_t"] = (8, true),
        ["float"] = (4, false),
        ["double"] = (8, false),
    };

    private readonly IReadOnlyList<Token> _tokens;
    private readonly Func<Token, ConstantValue?> _identifier;
    private readonly int _pointerSize;
    private int _pos;

    // Above zero while reading an operand C does not evaluate (the right of a decided && or ||, the branch
    // of ?: not chosen): division by zero is no error there.
    private int _unevaluated;

    private ConstantExpressionEvaluator(IReadOnlyList<Token> tokens, Func<Token, ConstantValue?> identifier, int pointerSize)
    {
        _tokens = tokens;
        _identifier = identifier;
        _pointerSize = pointerSize;
    }

    /// <summary>
    /// Evaluates <paramref name="tokens"/>. <paramref name="identifier"/> gives the value of an identifier, or
    /// null when it has none (an error). Returns null and sets <paramref name="error"/> when the tokens are not
    /// a constant expression.
    /// </summary>
    public static ConstantValue? Evaluate(
        IReadOnlyList<Token> tokens, Func<Token, ConstantValue?> identifier, int pointerSize, out string? error)
    {
        var evaluator = new ConstantExpressionEvaluator(tokens, identifier, pointerSize);
        try
        {
            if (tokens.Count == 0)
            {
                error = "empty expression";
                return null;
            }

            ConstantValue value = evaluator.Conditional();
            if (evaluator._pos < tokens.Count)
            {
                error = $"unexpected '{tokens[evaluator._pos].Text}' in constant expression";
                return null;
            }

            error = null;
            return value;
        }
        catch (EvaluationException e)
        {
            error = e.Message;
            return null;
        }
    }

    private Token? Current => _pos < _tokens.Count ? _tokens[_pos] : null;

    private bool Accept(string text)
    {
        if (Current is { } t && (t.Kind == TokenKind.Punctuator || t.Kind == TokenKind.Other) && t.Text == text)
        {
            _pos++;
            return true;
        }

        return false;
    }

    private void Expect(string text)
    {
        if (!Accept(text))
        {
            throw new EvaluationException($"expected '{text}' but found '{Current?.Text ?? "end of expression"}'");
        }
    }

    private ConstantValue Conditional()
    {
        ConstantValue condition = Binary(0);
        if (Accept("?"))
        {
            bool chooseTrue = condition.IsTrue;
            ConstantValue whenTrue = Operand(!chooseTrue, Conditional);
            Expect(":");
            ConstantValue whenFalse = Operand(chooseTrue, Conditional);
            ConstantValue chosen = condition.IsTrue ? whenTrue : whenFalse;
            return chosen with { IsUnsigned = whenTrue.IsUnsigned || whenFalse.IsUnsigned };
        }

        return condition;
    }

    private static int Precedence(string op) => op switch
    {
        "||" => 1,
        "&&" => 2,
        "|" => 3,
        "^" => 4,
        "&" => 5,
        "==" or "!=" => 6,
        "<" or ">" or "<=" or ">=" => 7,
        "<<" or ">>" => 8,
        "+" or "-" => 9,
        "*" or "/" or "%" => 10,
        _ => -1,
    };

    private ConstantValue Binary(int minPrecedence)
    {
        ConstantValue left = Unary();
        while (Current is { Kind: TokenKind.Punctuator } t && Precedence(t.Text) > minPrecedence)
        {
            string op = t.Text;
            int precedence = Precedence(op);
            _pos++;
            bool decided = (op == "&&" && !left.IsTrue) || (op == "||" && left.IsTrue);
            ConstantValue right = Operand(decided, () => Binary(precedence));
            left = Apply(op, left, right, _unevaluated > 0 || decided);
        }

        return left;
    }

    private ConstantValue Operand(bool unevaluated, Func<ConstantValue> read)
    {
        if (unevaluated)
        {
            _unevaluated++;
        }

        try
        {
            return read();
        }
        finally
        {
            if (unevaluated)
            {
                _unevaluated--;
            }
        }
    }

    private static ConstantValue Apply(string op, ConstantValue a, ConstantValue b, bool unevaluated)
    {
        bool u = a.IsUnsigned || b.IsUnsigned;
        ulong ua = unchecked((ulong)a.Bits), ub = unchecked((ulong)b.Bits);
        long sa = a.Bits, sb = b.Bits;
        static ConstantValue Bool(bool v) => ConstantValue.Signed(v ? 1 : 0);
        unchecked
        {
            switch (op)
            {
                case "||": return Bool(a.IsTrue || b.IsTrue);
                case "&&": return Bool(a.IsTrue && b.IsTrue);
                case "|": return new(sa | sb, u);
                case "^": return new(sa ^ sb, u);
                case "&": return new(sa & sb, u);
                case "==": return Bool(sa == sb);
                case "!=": return Bool(sa != sb);
                case "<": return Bool(u ? ua < ub : sa < sb);
                case ">": return Bool(u ? ua > ub : sa > sb);
                case "<=": return Bool(u ? ua <= ub : sa <= sb);
                case ">=": return Bool(u ? ua >= ub : sa >= sb);
                case "<<": return new(sa << (int)sb, a.IsUnsigned);
                case ">>": return a.IsUnsigned ? new((long)(ua >> (int)sb), true) : new(sa >> (int)sb, false);
                case "+": return new(sa + sb, u);
                case "-": return new(sa - sb, u);
                case "*": return new(u ? (long)(ua * ub) : sa * sb, u);
                case "/":
                    if (sb == 0)
                    {
                        return unevaluated ? new(0, u) : throw new EvaluationException("division by zero in constant expression");
                    }

                    // long.MinValue / -1 overflows (and throws in .NET): it wraps as two's complement.
                    return new(u ? (long)(ua / ub) : sb == -1 ? -sa : sa / sb, u);
                case "%":
                    if (sb == 0)
                    {
                        return unevaluated ? new(0, u) : throw new EvaluationException("division by zero in constant expression");
                    }

                    return new(u ? (long)(ua % ub) : sb == -1 ? 0 : sa % sb, u);
                default: throw new EvaluationException($"unknown operator '{op}'");
            }
        }
    }

    private ConstantValue Unary()
    {
        if (Accept("+"))
        {
            return Unary();
        }

        if (Accept("-"))
        {
            ConstantValue v = Unary();
            return v with { Bits = unchecked(-v.Bits) };
        }

        if (Accept("~"))
        {
            ConstantValue v = Unary();
            return v with { Bits = ~v.Bits };
        }

        if (Accept("!"))
        {
            return ConstantValue.Signed(Unary().IsTrue ? 0 : 1);
        }

        if (Current is { Kind: TokenKind.Identifier, Text: "sizeof" })
        {
            _pos++;
            Expect("(");
            string type = ReadTypeName();
            Expect(")");
            return ConstantValue.Unsigned((ulong)SizeOf(type));
        }

        if (Current is { Text: "(" } && IsTypeNameAt(_pos + 1, out _))
        {
            // A cast: (uint32_t)x, (unsigned long long)-1
            _pos++;
            string type = ReadTypeName();
            Expect(")");
            ConstantValue operand = Unary();
            return Cast(type, operand);
        }

        return Primary();
    }

    private ConstantValue Primary()
    {
        Token t = Current ?? throw new EvaluationException("expression ends too early");
        if (Accept("("))
        {
            ConstantValue inner = Conditional();
            Expect(")");
            return inner;
        }

        _pos++;
        switch (t.Kind)
        {
            case TokenKind.Number:
                return ConstantValue.ParseInteger(t.Text)
                    ?? throw new EvaluationException($"'{t.Text}' is not an integer constant");
            case TokenKind.Character:
                return ConstantValue.Signed(CharacterValue(t.Text));
            case TokenKind.Identifier:
                return _identifier(t) ?? throw new EvaluationException($"'{t.Text}' is not a constant");
            default:
                throw new EvaluationException($"unexpected '{t.Text}' in constant expression");
        }
    }

    private bool IsTypeNameAt(int index, out int end)
    {
        end = index;
        bool any = false;
        while (end < _tokens.Count && _tokens[end].Kind == TokenKind.Identifier && IsTypeWord(_tokens[end].Text))
        {
            end++;
            any = true;
        }

        while (any && end < _tokens.Count && _tokens[end].Text == "*")
        {
            end++;
        }

        return any && end < _tokens.Count && _tokens[end].Text == ")";
    }

    private static bool IsTypeWord(string word) =>
        IntegerTypes.ContainsKey(word) || word is "signed" or "unsigned" or "long" or "const"
            or "size_t" or "uintptr_t" or "intptr_t" or "ptrdiff_t" or "void";

    private string ReadTypeName()
    {
        if (!IsTypeNameAt(_pos, out int end))
        {
            throw new EvaluationException($"'{Current?.Text}' does not name a built-in type");
        }

        var words = new List<string>();
        for (; _pos < end; _pos++)
        {
            if (_tokens[_pos].Text != "const")
            {
                words.Add(_tokens[_pos].Text);
            }
        }

        return string.Join(" ", words);
    }

    private (int Size, bool Unsigned) TypeInfo(string type)
    {
        if (type.EndsWith("*", StringComparison.Ordinal))
        {
            return (_pointerSize, true);
        }

        string t = type.Replace(" int", string.Empty).Trim();
        if (t == "signed")
        {
            t = "int";
        }
        else if (t.StartsWith("signed ", StringComparison.Ordinal))
        {
            t = t.Substring(7);
        }

        if (t is "long" or "unsigned long")
        {
            return (_pointerSize, t.StartsWith("unsigned", StringComparison.Ordinal));
        }

        if (t is "size_t" or "uintptr_t")
        {
            return (_pointerSize, true);
        }

        if (t is "intptr_t" or "ptrdiff_t")
        {
            return (_pointerSize, false);
        }

        if (IntegerTypes.TryGetValue(t, out var info) || IntegerTypes.TryGetValue(type, out info))
        {
            return info;
        }

        throw new EvaluationException($"unknown type '{type}' in constant expression");
    }

    private int SizeOf(string type) => TypeInfo(type).Size;

    private ConstantValue Cast(string type, ConstantValue operand)
    {
        (int size, bool isUnsigned) = TypeInfo(type);
        long bits = operand.Bits;
        if (type is "_Bool" or "bool")
        {
            return ConstantValue.Unsigned(operand.IsTrue ? 1UL : 0UL);
        }

        if (size < 8)
        {
            int shift = 64 - (size * 8);
            bits = isUnsigned ? (long)((ulong)(bits << shift) >> shift) : (bits << shift) >> shift;
        }

        return new ConstantValue(bits, isUnsigned);
    }

    private static long CharacterValue(string literal)
    {
        if (literal.Length < 3 || literal[literal.Length - 1] != '\'')
        {
            throw new EvaluationException($"malformed character constant {literal}");
        }

        try
        {
            return EscapedCharacterValue(literal);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new EvaluationException($"malformed character constant {literal}");
        }
    }

    private static long EscapedCharacterValue(string literal)
    {
        string body = literal.Substring(1, literal.Length - 2);
        if (body.Length == 1)
        {
            return body[0];
        }

        if (body.Length >= 2 && body[0] == '\\')
        {
            switch (body[1])
            {
                case 'n': return '\n';
                case 't': return '\t';
                case 'r': return '\r';
                case '0' when body.Length == 2: return 0;
                case '\\': return '\\';
                case '\'': return '\'';
                case '"': return '"';
                case 'a': return 7;
                case 'b': return 8;
                case 'f': return 12;
                case 'v': return 11;
                case 'x': return long.Parse(body.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                default:
                    if (char.IsDigit(body[1]))
                    {
                        return Convert.ToInt64(body.Substring(1), 8);
                    }

                    break;
            }
        }

        throw new EvaluationException($"unsupported character constant {literal}");
    }

    private sealed class EvaluationException : Exception
    {
        public EvaluationException(string message)
            : base(message)
        {
        }
    }
}
