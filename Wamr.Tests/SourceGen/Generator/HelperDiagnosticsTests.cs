using System.Linq;

using Microsoft.CodeAnalysis;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.SourceGen.Generator;

/// <summary>
/// Inline functions and macros the translator does not support get no helper and an Info diagnostic (WAMRGEN010) at
/// the header line of the construct that stopped them; everything else still binds and compiles.
/// </summary>
[TestClass]
public sealed class HelperDiagnosticsTests
{
    private const string Header = """
        #include <stdint.h>
        typedef struct pair_t { int32_t first; int64_t second; } pair_t;
        typedef struct item_t item_t;
        int pair_first(const pair_t* p);
        int item_kind(const item_t* i);
        int logf_like(const char* format, ...);
        static inline int loop(int n) {
          int s = 0;
          for (int i = 0; i < n; i = i + 1) { s = s + i; }
          return s;
        }
        static inline int incr(int x) { x++; return x; }
        static inline int undeclared(int x) { return mystery(x); }
        static inline int text(void) { return logf_like("%d", 1); }
        static inline long widen(long x) { return x + 1; }
        static inline int calls_loop(int n) { return loop(n) + 1; }
        static inline int no_return(int x) {
          if (x) { return 1; }
        }
        static inline int fine(int x) { return x + 1; }
        #define STRINGIZE(x) #x
        #define UNUSED(x) 42 + 0
        #define CONFLICT(x) (pair_first(x) + item_kind(x))
        #define VARIADIC(...) logf_like(__VA_ARGS__)
        #define FREE_VARIABLE(x) pair_first(somewhere)
        #define DECLARES(name) int name = 0;
        #define FINE(x) ((x) + 1)
        """;

    private static HelperHarness.Result? s_result;

    private static HelperHarness.Result Result => s_result ??= HelperHarness.Generate(Header);

    [TestMethod]
    public void EachUnsupportedHelperIsReportedOnceAtTheLineOfWhatStoppedIt()
    {
        CollectionAssert.AreEquivalent(
            new[]
            {
                "9: The inline function 'loop' has no C# helper: the translator does not support a 'for' loop.",
                "12: The inline function 'incr' has no C# helper: the translator does not support the increment operator '++'.",
                "13: The inline function 'undeclared' has no C# helper: the translator does not support a call to 'mystery', which the headers do not declare.",
                "14: The inline function 'text' has no C# helper: the translator does not support a call to the variadic function 'logf_like'.",
                "15: The inline function 'widen' has no C# helper: the translator does not support C's long in the signature, whose width depends on the OS.",
                "16: The inline function 'calls_loop' has no C# helper: the translator does not support a call to 'loop', which is not translated either.",
                "18: The inline function 'no_return' has no C# helper: the translator does not support a path through the body that returns no value.",
                "21: The macro 'STRINGIZE' has no C# helper: the translator does not support stringizing (#).",
                "22: The macro 'UNUSED' has no C# helper: the translator does not support the parameter 'x', whose type nothing in the body says.",
                "23: The macro 'CONFLICT' has no C# helper: the translator does not support the parameter 'x', used as pair_t* and item_t*.",
                "24: The macro 'VARIADIC' has no C# helper: the translator does not support variadic macro arguments (__VA_ARGS__).",
                "25: The macro 'FREE_VARIABLE' has no C# helper: the translator does not support 'somewhere', which is neither a parameter, a local nor declared by the headers.",
            },
            Result.Untranslated,
            string.Join("\n", Result.Untranslated));
    }

    [TestMethod]
    public void DiagnosticsAreInfoAtTheHeaderAndNothingIsEmittedForThem()
    {
        Assert.IsTrue(Result.Diagnostics.All(d => d.Id == "WAMRGEN010" && d.Severity == DiagnosticSeverity.Info));
        Assert.IsTrue(Result.Diagnostics.All(d => d.Location.GetLineSpan().Path == HelperHarness.HeaderPath));
        Assert.AreEqual(string.Empty, GeneratorHarness.Problems(Result.Output));
        foreach (string name in new[] { "loop", "incr", "undeclared", "text", "widen", "calls_loop", "no_return", "STRINGIZE", "UNUSED", "CONFLICT", "VARIADIC", "FREE_VARIABLE", "DECLARES" })
        {
            Assert.DoesNotContain($" {name}(", Result.Api, name);
        }

        StringAssert.Contains(Result.Api, "public static int fine(int x) => unchecked(x + 1);");
        StringAssert.Contains(Result.Api, "public static int FINE(int x) => unchecked(x + 1);");
        StringAssert.Contains(Result.Api, "public static extern int pair_first(pair_t* p);");
    }

    [TestMethod]
    public void AHelperCallingAFunctionTheLibraryLacksIsObsoleteLikeThatFunction()
    {
        HelperHarness.Result result = HelperHarness.Generate(
            "int present(int x);\nint absent(int x);\nstatic inline int use_absent(int x) { return absent(x) + present(x); }\n#define USE_ABSENT(x) absent(x)\n",
            exports: "present\n");
        Assert.IsEmpty(result.Diagnostics);
        Assert.AreEqual(string.Empty, GeneratorHarness.Problems(result.Output));
        StringAssert.Contains(result.Api, "[global::System.Obsolete(\"use_absent calls absent, which the iwasm library these bindings were generated for does not export");
        StringAssert.Contains(result.Api, "[global::System.Obsolete(\"USE_ABSENT calls absent,");
    }
}
