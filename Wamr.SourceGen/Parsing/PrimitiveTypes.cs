using System.Collections.Generic;

using Wamr.SourceGen.Preprocessing;

namespace Wamr.SourceGen.Parsing;

/// <summary>The built-in arithmetic types: keyword combinations, built-in typedef names, sizes.</summary>
internal static class PrimitiveTypes
{
    private static readonly Dictionary<string, string> BuiltInTypedefs = new()
    {
        ["int8_t"] = "int8_t",
        ["uint8_t"] = "uint8_t",
        ["int16_t"] = "int16_t",
        ["uint16_t"] = "uint16_t",
        ["int32_t"] = "int32_t",
        ["uint32_t"] = "uint32_t",
        ["int64_t"] = "int64_t",
        ["uint64_t"] = "uint64_t",
        ["intptr_t"] = "intptr_t",
        ["uintptr_t"] = "uintptr_t",
        ["size_t"] = "size_t",
        ["ptrdiff_t"] = "ptrdiff_t",
        ["bool"] = "_Bool",
    };

    /// <summary>Whether <paramref name="word"/> is a keyword that is part of an arithmetic type or <c>void</c>.</summary>
    public static bool IsKeyword(string word) => word is "void" or "char" or "short" or "int" or "long" or "signed"
        or "unsigned" or "float" or "double" or "_Bool" or "_Complex";

    /// <summary>The canonical name of a built-in typedef name (<c>uint32_t</c>, <c>bool</c>), or null.</summary>
    public static string? BuiltInTypedef(string name) => BuiltInTypedefs.TryGetValue(name, out string? canonical) ? canonical : null;

    /// <summary>The size in bytes and signedness of an integer type by canonical name; false for non-integers.</summary>
    public static bool TryGetIntegerInfo(string canonical, int pointerSize, out int size, out bool isUnsigned)
    {
        (size, isUnsigned) = canonical switch
        {
            "_Bool" => (1, true),
            "char" or "signed char" or "int8_t" => (1, false),
            "unsigned char" or "uint8_t" => (1, true),
            "short" or "int16_t" => (2, false),
            "unsigned short" or "uint16_t" => (2, true),
            "int" or "int32_t" => (4, false),
            "unsigned int" or "uint32_t" => (4, true),
            "long long" or "int64_t" => (8, false),
            "unsigned long long" or "uint64_t" => (8, true),
            "long" or "intptr_t" or "ptrdiff_t" => (pointerSize, false),
            "unsigned long" or "uintptr_t" or "size_t" => (pointerSize, true),
            _ => (0, false),
        };
        return size != 0;
    }

    /// <summary>Whether <paramref name="canonical"/> names a floating type.</summary>
    public static bool IsFloating(string canonical) => canonical is "float" or "double" or "long double";

    /// <summary>Counts the arithmetic keywords of one declaration and gives their canonical type name.</summary>
    public sealed class KeywordSet
    {
        private int _void, _char, _short, _int, _long, _signed, _unsigned, _float, _double, _bool;

        public bool Any { get; private set; }

        public void Add(string word)
        {
            Any = true;
            switch (word)
            {
                case "void": _void++; break;
                case "char": _char++; break;
                case "short": _short++; break;
                case "int": _int++; break;
                case "long": _long++; break;
                case "signed": _signed++; break;
                case "unsigned": _unsigned++; break;
                case "float": _float++; break;
                case "double": _double++; break;
                case "_Bool": _bool++; break;
            }
        }

        /// <summary>The canonical name, or null when the combination is not a C type.</summary>
        public string? Canonical()
        {
            int sign = _signed + _unsigned;
            int basics = _void + _char + _float + _double + _bool;
            if (sign > 1 || basics > 1 || _short > 1 || _long > 2 || _int > 1 || (_short > 0 && _long > 0))
            {
                return null;
            }

            if (_void + _bool + _float > 0)
            {
                return sign + _short + _long + _int > 0 ? null : _void > 0 ? "void" : _bool > 0 ? "_Bool" : "float";
            }

            if (_double > 0)
            {
                return sign + _short + _int > 0 || _long > 1 ? null : _long == 1 ? "long double" : "double";
            }

            if (_char > 0)
            {
                return _short + _long + _int > 0 ? null : _signed > 0 ? "signed char" : _unsigned > 0 ? "unsigned char" : "char";
            }

            string u = _unsigned > 0 ? "unsigned " : string.Empty;
            return _short > 0 ? u + "short"
                : _long == 1 ? u + "long"
                : _long == 2 ? u + "long long"
                : u + "int";
        }
    }

    /// <summary>Whether <paramref name="t"/> is an identifier that is a built-in type keyword.</summary>
    public static bool IsKeyword(Token t) => t.Kind == TokenKind.Identifier && IsKeyword(t.Text);
}
