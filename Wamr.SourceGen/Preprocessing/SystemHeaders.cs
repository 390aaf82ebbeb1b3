namespace Wamr.SourceGen.Preprocessing;

/// <summary>
/// What the generator knows of the C library's headers: the macros they define, as C text. Their types
/// (<c>uint32_t</c>, <c>size_t</c>, ...) are not declared here: the parser knows them as built-in names.
/// </summary>
internal static class SystemHeaders
{
    private const string StdInt = """
        #define INT8_MIN (-127-1)
        #define INT8_MAX 127
        #define UINT8_MAX 255
        #define INT16_MIN (-32767-1)
        #define INT16_MAX 32767
        #define UINT16_MAX 65535
        #define INT32_MIN (-2147483647-1)
        #define INT32_MAX 2147483647
        #define UINT32_MAX 4294967295U
        #define INT64_MIN (-9223372036854775807LL-1)
        #define INT64_MAX 9223372036854775807LL
        #define UINT64_MAX 18446744073709551615ULL
        #define INT_LEAST8_MIN INT8_MIN
        #define INT_LEAST8_MAX INT8_MAX
        #define UINT_LEAST8_MAX UINT8_MAX
        #define INT_LEAST16_MIN INT16_MIN
        #define INT_LEAST16_MAX INT16_MAX
        #define UINT_LEAST16_MAX UINT16_MAX
        #define INT_LEAST32_MIN INT32_MIN
        #define INT_LEAST32_MAX INT32_MAX
        #define UINT_LEAST32_MAX UINT32_MAX
        #define INT_LEAST64_MIN INT64_MIN
        #define INT_LEAST64_MAX INT64_MAX
        #define UINT_LEAST64_MAX UINT64_MAX
        #define INTMAX_MIN INT64_MIN
        #define INTMAX_MAX INT64_MAX
        #define UINTMAX_MAX UINT64_MAX
        #define INT8_C(c) c
        #define UINT8_C(c) c
        #define INT16_C(c) c
        #define UINT16_C(c) c
        #define INT32_C(c) c
        #define UINT32_C(c) c ## U
        #define INT64_C(c) c ## LL
        #define UINT64_C(c) c ## ULL
        #define INTMAX_C(c) c ## LL
        #define UINTMAX_C(c) c ## ULL

        """;

    private const string StdInt32 = """
        #define INTPTR_MIN (-2147483647-1)
        #define INTPTR_MAX 2147483647
        #define UINTPTR_MAX 4294967295U
        #define PTRDIFF_MIN (-2147483647-1)
        #define PTRDIFF_MAX 2147483647
        #define SIZE_MAX 4294967295U

        """;

    private const string StdInt64 = """
        #define INTPTR_MIN (-9223372036854775807LL-1)
        #define INTPTR_MAX 9223372036854775807LL
        #define UINTPTR_MAX 18446744073709551615ULL
        #define PTRDIFF_MIN (-9223372036854775807LL-1)
        #define PTRDIFF_MAX 9223372036854775807LL
        #define SIZE_MAX 18446744073709551615ULL

        """;

    private const string Limits = """
        #define CHAR_BIT 8
        #define SCHAR_MIN (-128)
        #define SCHAR_MAX 127
        #define UCHAR_MAX 255
        #define CHAR_MIN SCHAR_MIN
        #define CHAR_MAX SCHAR_MAX
        #define SHRT_MIN (-32767-1)
        #define SHRT_MAX 32767
        #define USHRT_MAX 65535
        #define INT_MIN (-2147483647-1)
        #define INT_MAX 2147483647
        #define UINT_MAX 4294967295U
        #define LLONG_MIN (-9223372036854775807LL-1)
        #define LLONG_MAX 9223372036854775807LL
        #define ULLONG_MAX 18446744073709551615ULL

        """;

    private const string Limits32 = """
        #define LONG_MIN (-2147483647L-1)
        #define LONG_MAX 2147483647L
        #define ULONG_MAX 4294967295UL

        """;

    private const string Limits64 = """
        #define LONG_MIN (-9223372036854775807L-1)
        #define LONG_MAX 9223372036854775807L
        #define ULONG_MAX 18446744073709551615UL

        """;

    private const string StdDef = """
        #define NULL ((void*)0)
        #define offsetof(type, member) __builtin_offsetof(type, member)

        """;

    private const string StdBool = """
        #define bool _Bool
        #define true 1
        #define false 0
        #define __bool_true_false_are_defined 1

        """;

    private const string Assert = """
        #define static_assert _Static_assert
        #define assert(expression) ((void)0)

        """;

    private const string StdIo = """
        #include <stddef.h>
        #define EOF (-1)
        #define SEEK_SET 0
        #define SEEK_CUR 1
        #define SEEK_END 2

        """;

    private const string StdLib = """
        #include <stddef.h>
        #define EXIT_SUCCESS 0
        #define EXIT_FAILURE 1

        """;

    /// <summary>
    /// The text of the system header <paramref name="name"/> (as written between <c>&lt;&gt;</c>) for a target
    /// with pointers of <paramref name="pointerSize"/> bytes; false when the generator does not know it.
    /// </summary>
    public static bool TryGet(string name, int pointerSize, out string text)
    {
        bool is32 = pointerSize == 4;
        text = name switch
        {
            "stdint.h" => StdInt + (is32 ? StdInt32 : StdInt64),
            "inttypes.h" => "#include <stdint.h>\n",
            "stddef.h" => StdDef,
            "stdbool.h" => StdBool,
            "assert.h" => Assert,
            "limits.h" => Limits + (is32 ? Limits32 : Limits64),
            "stdio.h" => StdIo,
            "stdlib.h" => StdLib,
            "string.h" => "#include <stddef.h>\n",
            "stdarg.h" => string.Empty,
            _ => null!,
        };

        return text is not null;
    }
}
