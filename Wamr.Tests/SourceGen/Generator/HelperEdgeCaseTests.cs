using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>
/// Corners of C that C# spells differently: pointer arithmetic, function pointers, pointer wrappers, bools, enum
/// members whose C value the C# enum cannot hold, the integer 0 as a null pointer, casts in macros.
/// </summary>
[TestClass]
public sealed class HelperEdgeCaseTests
{
    private const string Header = """
        #include <stdint.h>
        #include <stddef.h>
        #include <stdbool.h>
        typedef uint8_t kind_t;
        enum kind_enum { K_A, K_B = -2, K_C = 300 };
        enum { ANON_X = 5, ANON_Y };
        typedef struct node_t { int a; struct node_t* next; } node_t;
        typedef struct node_t* handle_t;
        typedef struct pair_t { int32_t first; int64_t second; } pair_t;
        typedef int (*cb_t)(int);
        static inline char* advance(char* p, int n) { return p + n; }
        static inline ptrdiff_t distance(char* a, char* b) { return a - b; }
        static inline int add_to(int x) { x += 1; return x; }
        static inline uint32_t mask(uint8_t a, uint16_t b) { return (a << 8) | b; }
        static inline int cmp(float a, double b) { return a < b; }
        static inline void* choose(int c, void* p) { return c ? p : NULL; }
        static inline int anon(void) { return ANON_Y + K_B; }
        static inline int below_b(kind_t k) { return k < K_B; }
        static inline int call(cb_t f, int x) { return f(x); }
        static inline int is_none(node_t* p) { return !p; }
        static inline int is_a(char c) { return c == 'a'; }
        static inline size_t node_size(void) { return sizeof(node_t); }
        static inline int is_null(handle_t h) { return h == NULL; }
        static inline int first_of(handle_t h) { return h->a; }
        static inline int nested(int x) { { int y = x; return y; } }
        static inline int shadowing(int x) { { int x = 1; return x; } }
        static inline double half(int x) { return x / 2.0; }
        static inline int64_t mul(int32_t a, uint32_t b) { return (int64_t)a * b; }
        static inline bool truth(int x) { return x; }
        static inline int from_bool(bool b) { return b + 1; }
        static inline kind_t narrow(int x) { return x; }
        static inline int next_a(const node_t* n) { return n->next ? n->next->a : -1; }
        #define IS_NULL(h) ((h) == NULL)
        #define CALL(f, x) f(x)
        #define ZERO_PAIR {0, 0}
        #define AS_KIND(x) ((kind_t)(x))
        #define NODE_A(n) ((n)->a)
        #define TEXT "hello"
        #define SIZE_OF_PAIR sizeof(pair_t)
        """;

    private const string Probe = """
        using Wamr.Interop;
        using static Wamr.Interop.WasmCApi;

        public static unsafe class Probe
        {
            [System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvCdecl) })]
            private static int Triple(int x) => 3 * x;

            public static string Run()
            {
                byte* text = stackalloc byte[8];
                node_t second = new node_t { a = 9 };
                node_t first = new node_t { a = 1, next = &second };
                handle_t none = default;
                handle_t h = &first;
                node_t fromZero = ZERO_PAIR;
                pair_t pairFromZero = ZERO_PAIR;
                return string.Join(" ",
                    advance(text, 3) - text, distance(text + 5, text), add_to(1), mask(1, 2), cmp(1f, 1.5), (nint)choose(0, text),
                    anon(), below_b(K_A), call(&Triple, 5), is_none(null), is_a((byte)'a'), node_size() == (nuint)sizeof(node_t),
                    is_null(none), is_null(h), first_of(h), nested(4), half(3), mul(-1, 2), truth(2), from_bool(true), narrow(258),
                    next_a(&first), next_a(&second), (nint)fromZero.next, pairFromZero.second, AS_KIND(513L), SIZE_OF_PAIR);
            }
        }
        """;

    [TestMethod]
    public void EdgeCasesCompileAndComputeAsC()
    {
        HelperHarness.Result result = HelperHarness.Generate(Header, [Probe]);
        Assert.AreEqual(string.Empty, GeneratorHarness.Problems(result.Output), result.Api);

        // anon(): ANON_Y + K_B = 6 + (-2) in C, although the C# enum constant K_B (a byte) holds 254.
        // below_b(K_A): C compares 0 < -2 as ints: false. narrow(258): (uint8_t)258 = 2. mul(-1, 2u) in int64: -2.
        Assert.AreEqual(
            "3 5 2 258 1 0 4 0 15 1 1 True 1 0 1 4 1.5 -2 True 2 2 9 -1 0 0 1 16",
            HelperHarness.Run(result, "Probe", "Run"));
    }

    [TestMethod]
    public void WhatCSharpCannotSayIsReported()
    {
        HelperHarness.Result result = HelperHarness.Generate(Header);
        CollectionAssert.AreEquivalent(
            new[]
            {
                "26: The inline function 'shadowing' has no C# helper: the translator does not support the local 'x', which hides another variable (C# does not allow it).",
                "33: The macro 'IS_NULL' has no C# helper: the translator does not support the parameter 'h' compared with a pointer.",
                "34: The macro 'CALL' has no C# helper: the translator does not support the parameter 'f' used as a function pointer, which does not say its type.",
                "37: The macro 'NODE_A' has no C# helper: the translator does not support the parameter 'n' used as a struct, which does not say its type.",
                "38: The macro 'TEXT' has no C# helper: the translator does not support a string literal.",
            },
            result.Untranslated,
            string.Join("\n", result.Untranslated));
        StringAssert.Contains(result.Api, "public readonly struct ZERO_PAIR_Initializer");
        StringAssert.Contains(result.Api, "public static kind_t AS_KIND(long x) => unchecked((kind_t)x);");
    }
}
