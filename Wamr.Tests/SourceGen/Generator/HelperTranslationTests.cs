using System;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>
/// Inline functions and value macros of a synthetic header, translated into C# helpers: the generated code compiles
/// with no diagnostic, and running it gives what C gives (integer promotion, the usual arithmetic conversions,
/// unsigned wrap-around, designated and positional initializers, borrowed arrays, null checks).
/// </summary>
[TestClass]
public sealed class HelperTranslationTests
{
    private const string Header = """
        #include <stdint.h>
        #include <stddef.h>
        #include <stdbool.h>
        #include <string.h>

        typedef uint8_t kind_t;
        enum kind_enum { K_I32, K_I64, K_F64 = 3, K_REF = 128 };
        typedef struct val_t {
          kind_t kind;
          union { int32_t i32; int64_t i64; double f64; void* ref; } of;
        } val_t;
        typedef struct item_t item_t;
        typedef struct byte_vec_t { size_t size; char* data; size_t num_elems; size_t size_of_elem; void* lock; } byte_vec_t;
        typedef struct val_vec_t { size_t size; val_t* data; size_t num_elems; size_t size_of_elem; void* lock; } val_vec_t;
        typedef struct item_vec_t { size_t size; item_t** data; size_t num_elems; size_t size_of_elem; void* lock; } item_vec_t;
        typedef struct pair_t { int32_t first; int64_t second; } pair_t;

        item_t* item_new(kind_t kind);
        kind_t item_kind(const item_t* item);
        static const size_t PAGE = 0x10000;

        // Adds two bytes as C does: in int, then back to a byte.
        static inline uint8_t add_u8(uint8_t a, uint8_t b) { return a + b; }
        static inline int less(int a, unsigned int b) { return a < b; }
        static inline uint32_t negate(uint32_t x) { return -x; }
        static inline int64_t shifted(int32_t x) { return (int64_t)x << 40; }
        static inline int sign(int x) {
          if (x < 0) { return -1; } else if (x > 0) { return 1; }
          return 0;
        }
        static inline int pick(int c, int a, int b) { return c ? a : b; }
        static inline bool both(int a, int b) { return a && !b; }
        static inline double mix(int32_t a, float b) { return a / 2 + b; }
        static inline int first_of(const pair_t* p) { return p->first; }
        static inline int64_t sum_pair(pair_t p) { return p.first + p.second; }
        static inline pair_t make_pair(int32_t a) { pair_t p = { a, (int64_t)a * 2 }; return p; }
        static inline pair_t make_designated(int32_t a) { pair_t p = { .second = a }; p.first = 7; return p; }
        static inline int64_t array_sum(void) { int64_t xs[4] = { 1, 2, 3 }; return xs[0] + xs[1] + xs[2] + xs[3]; }
        static inline size_t text_length(const char* s) { return strlen(s); }
        static inline void set_ptr(val_t* out, void* p) { out->kind = K_I64; out->of.i64 = (intptr_t)p; }
        static inline void* get_ptr(const val_t* val) { return (void*)(intptr_t)val->of.i64; }
        static inline bool is_ref(kind_t k) { return k >= K_REF; }
        static inline bool item_is_ref(const item_t* item) { return is_ref(item_kind(item)); }
        static inline int keywords(int params, int lock, int base) { int object = params + lock; return object - base; }
        static inline val_t compound(int32_t x) { return (val_t){ .kind = K_I32, .of.i32 = x }; }
        static inline int null_check(const pair_t* p) { return p != NULL && p->first > 0; }

        #define I32_VAL(i) {.kind = K_I32, .of = {.i32 = i}}
        #define F64_VAL(z) {.kind = K_F64, .of.f64 = z}
        #define NULL_VAL {.kind = K_REF, .of = {.ref = NULL}}
        #define EMPTY_VEC {0, NULL, 0, 0, NULL}
        #define ARRAY_VEC(array) {sizeof(array)/sizeof(*(array)), array, sizeof(array)/sizeof(*(array)), sizeof(*(array)), NULL}
        #define TWICE(n) ((n) * 2)
        #define MAX_OF(a, b) ((a) > (b) ? (a) : (b))
        #define IS_I64(k) ((k) == K_I64)
        #define NEW_ITEM(k) item_new(k)
        #define HALF 0.5
        #define PAGES(n) ((n) * PAGE)
        #define FLAG_A 0x4
        #define FLAGS (FLAG_A | 1)
        #define LIMIT PAGE
        """;

    private const string Probe = """
        using System;
        using Wamr.Interop;
        using static Wamr.Interop.WasmCApi;

        public static unsafe class Probe
        {
            public static int AddU8() => add_u8(200, 100);
            public static int Less() => less(-1, 1);
            public static uint Negate() => negate(1);
            public static long Shifted() => shifted(1);
            public static string Sign() => $"{sign(-5)} {sign(0)} {sign(3)}";
            public static int Pick() => pick(0, 1, 2);
            public static bool Both() => both(1, 0) && !both(1, 1);
            public static double Mix() => mix(5, 0.25f);
            public static int FirstOfNull() => first_of(null);
            public static int FirstOf() { pair_t p = new pair_t { first = 4 }; return first_of(&p); }
            public static long SumPair() => sum_pair(new pair_t { first = 3, second = 4 });
            public static string MakePair() { pair_t p = make_pair(5); pair_t d = make_designated(9); return $"{p.first} {p.second} {d.first} {d.second}"; }
            public static long ArraySum() => array_sum();
            public static nuint TextLength() { fixed (byte* s = "abc\0"u8) { return text_length(s); } }
            public static string Pointers() { val_t v; set_ptr(&v, (void*)0x1234); return $"{(int)v.kind} {v.of.i64} {(nint)get_ptr(&v)}"; }
            public static bool IsRef() => is_ref(K_REF) && !is_ref(K_I64) && is_ref((kind_t)200);
            public static int Keywords() => keywords(1, 2, 3);
            public static string Compound() { val_t v = compound(8); return $"{(int)v.kind} {v.of.i32}"; }
            public static int NullCheck() { pair_t p = new pair_t { first = 2 }; return null_check(null) * 10 + null_check(&p); }
            public static string Values() { val_t a = I32_VAL(5); val_t b = F64_VAL(1.5); val_t c = NULL_VAL; return $"{(int)a.kind} {a.of.i32} {(int)b.kind} {b.of.f64} {(int)c.kind} {(nint)c.of.@ref}"; }
            public static string Vectors()
            {
                byte_vec_t b = EMPTY_VEC;
                val_vec_t v = EMPTY_VEC;
                item_vec_t i = EMPTY_VEC;
                Span<byte> bytes = stackalloc byte[3] { 1, 2, 3 };
                byte_vec_t bv = ARRAY_VEC(bytes);
                Span<val_t> vals = stackalloc val_t[2] { I32_VAL(1), I32_VAL(2) };
                val_vec_t vv = ARRAY_VEC(vals);
                item_t** items = stackalloc item_t*[4];
                item_vec_t iv = ARRAY_VEC(items, 4);
                bool same = bv.data == (byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref bytes[0]) && iv.data == items;
                return $"{b.size}{v.size}{i.size} {bv.size} {bv.size_of_elem} {vv.size} {vv.size_of_elem} {iv.size} {iv.size_of_elem} {same}";
            }
            public static string Twice() => $"{TWICE(int.MaxValue)} {TWICE(3u)} {TWICE(4L)} {TWICE((nuint)5)}";
            public static int MaxOf() => MAX_OF(3, 7);
            public static bool IsI64() => IS_I64(K_I64) && !IS_I64(K_I32);
            public static string Constants() => $"{HALF} {PAGES(2)} {FLAGS} {LIMIT} {PAGES(1L)}";
        }
        """;

    private static HelperHarness.Result? s_result;

    private static HelperHarness.Result Result => s_result ??= HelperHarness.Generate(Header, [Probe]);

    private static object? Run(string method) => HelperHarness.Run(Result, "Probe", method);

    [TestMethod]
    public void EverySupportedShapeCompilesWithoutDiagnostics()
    {
        HelperHarness.AssertClean(Result);
        foreach (string name in new[]
        {
            "add_u8", "less", "negate", "shifted", "sign", "pick", "both", "mix", "first_of", "sum_pair", "make_pair", "make_designated",
            "array_sum", "text_length", "set_ptr", "get_ptr", "is_ref", "item_is_ref", "keywords", "compound", "null_check",
            "I32_VAL", "F64_VAL", "NULL_VAL", "EMPTY_VEC", "ARRAY_VEC", "TWICE", "MAX_OF", "IS_I64", "NEW_ITEM", "HALF", "PAGES", "FLAGS", "LIMIT",
        })
        {
            StringAssert.Contains(Result.Api, " " + name, name);
        }
    }

    [TestMethod]
    public void IntegersArePromotedAndConvertedAsInC()
    {
        Assert.AreEqual(44, Run("AddU8"));
        Assert.AreEqual(0, Run("Less"));
        Assert.AreEqual(uint.MaxValue, Run("Negate"));
        Assert.AreEqual(1L << 40, Run("Shifted"));
        Assert.AreEqual(2.25, Run("Mix"));
    }

    [TestMethod]
    public void StatementsConditionsAndLogicRunAsInC()
    {
        Assert.AreEqual("-1 0 1", Run("Sign"));
        Assert.AreEqual(2, Run("Pick"));
        Assert.IsTrue((bool)Run("Both")!);
        Assert.AreEqual(0, Run("Keywords"));
        Assert.AreEqual(1, Run("NullCheck"));
        Assert.IsTrue((bool)Run("IsRef")!);
    }

    [TestMethod]
    public void StructsArraysAndPointersRunAsInC()
    {
        Assert.AreEqual(4, Run("FirstOf"));
        Assert.AreEqual(7L, Run("SumPair"));
        Assert.AreEqual("5 10 7 9", Run("MakePair"));
        Assert.AreEqual(6L, Run("ArraySum"));
        Assert.AreEqual((nuint)3, Run("TextLength"));
        Assert.AreEqual($"1 {0x1234} {0x1234}", Run("Pointers"));
        Assert.AreEqual("0 8", Run("Compound"));
    }

    [TestMethod]
    public void AParameterTheBodyDereferencesIsCheckedForNull()
    {
        ArgumentNullException e = Assert.ThrowsExactly<ArgumentNullException>(() => Run("FirstOfNull"));
        Assert.AreEqual("p", e.ParamName);
        StringAssert.Contains(Result.Api, "if (p == null)");

        // A read under a condition (p != NULL && p->first) is not checked first.
        StringAssert.Contains(Result.Api, "public static int null_check(pair_t* p) => p != null && p->first > 0 ? 1 : 0;");
    }

    [TestMethod]
    public void ValueMacrosBecomeMethodsPropertiesAndConstants()
    {
        Assert.AreEqual("0 5 3 1.5 128 0", Run("Values"));
        Assert.AreEqual("-2 6 8 10", Run("Twice"));
        Assert.AreEqual(7, Run("MaxOf"));
        Assert.IsTrue((bool)Run("IsI64")!);
        Assert.AreEqual($"0.5 {2 * 0x10000} 5 {0x10000} {0x10000}", Run("Constants"));
        StringAssert.Contains(Result.Api, "public static val_t I32_VAL(int i) => new val_t { kind = K_I32, of = new val_t_of { i32 = i } };");
        StringAssert.Contains(Result.Api, "public static val_t NULL_VAL => ");
        StringAssert.Contains(Result.Api, "public const double HALF = 0.5;");
        StringAssert.Contains(Result.Api, "public static bool IS_I64(kind_t k) => k == K_I64;");
        StringAssert.Contains(Result.Api, "public static item_t* NEW_ITEM(kind_t k) => item_new(k);");
        foreach (string type in new[] { "int", "uint", "long", "ulong", "nint", "nuint" })
        {
            StringAssert.Contains(Result.Api, $"TWICE({type} n)");
        }
    }

    [TestMethod]
    public void VectorInitializersFitEveryStructTheyMatch()
    {
        Assert.AreEqual("000 3 1 2 16 4 8 True", Run("Vectors"));
        StringAssert.Contains(Result.Api, "public readonly struct EMPTY_VEC_Initializer");
        StringAssert.Contains(Result.Api, "public static byte_vec_t ARRAY_VEC(global::System.Span<byte> array)");
        StringAssert.Contains(Result.Api, "public static val_vec_t ARRAY_VEC(global::System.Span<val_t> array)");
        StringAssert.Contains(Result.Api, "public static item_vec_t ARRAY_VEC(item_t** array, int length)");
    }
}
