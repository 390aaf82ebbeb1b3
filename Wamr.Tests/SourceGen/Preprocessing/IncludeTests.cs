using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

using static Wamr.Tests.SourceGen.Preprocessing.PreprocessorTestHelper;

namespace Wamr.Tests.SourceGen.Preprocessing;

[TestClass]
public sealed class IncludeTests
{
    private static PreprocessResult RunFiles(string[] mainFiles, params HeaderFile[] headers) =>
        Preprocessor.Run(headers, mainFiles, PreprocessorOptions.Default);

    [TestMethod]
    public void QuotedIncludeResolvesByFileNameAmongGivenHeaders()
    {
        PreprocessResult result = Run("#include \"lib.h\"\nint b = LIB;", 8, new HeaderFile("/abs/include/lib.h", "#define LIB 7\nint a;"));
        NoDiagnostics(result);
        Assert.AreEqual("int a ; int b = 7 ;", Text(result));
        Assert.AreEqual("/abs/include/lib.h", result.Tokens[0].Location.File);
    }

    [TestMethod]
    public void QuotedIncludeResolvesRelativeToTheIncluder()
    {
        PreprocessResult result = RunFiles(
            new[] { "inc/main.h" },
            new HeaderFile("other/common.h", "wrong"),
            new HeaderFile("inc/main.h", "#include \"sub/common.h\"\n#include \"../top.h\""),
            new HeaderFile("inc/sub/common.h", "right"),
            new HeaderFile("top.h", "top"));
        NoDiagnostics(result);
        Assert.AreEqual("right top", Text(result));
    }

    [TestMethod]
    public void WindowsSeparatorsAreAccepted()
    {
        PreprocessResult result = RunFiles(
            new[] { @"C:\h\main.h" },
            new HeaderFile(@"C:\h\main.h", "#include \"sub/x.h\""),
            new HeaderFile(@"C:\h\sub\x.h", "x"));
        NoDiagnostics(result);
        Assert.AreEqual("x", Text(result));
    }

    [TestMethod]
    public void IncludeGuardsAndPragmaOnceKeepHeadersFromRepeating()
    {
        PreprocessResult result = RunFiles(
            new[] { "a.h", "b.h", "guarded.h", "once.h" },
            new HeaderFile("a.h", "#include \"guarded.h\"\n#include \"once.h\"\na"),
            new HeaderFile("b.h", "#include \"guarded.h\"\n#include \"once.h\"\nb"),
            new HeaderFile("guarded.h", "#ifndef GUARDED_H\n#define GUARDED_H\nguarded\n#endif"),
            new HeaderFile("once.h", "#pragma once\nonce"));
        NoDiagnostics(result);
        Assert.AreEqual("guarded once a b", Text(result));
    }

    [TestMethod]
    public void MacrosCarryOverFromOneMainFileToTheNext()
    {
        PreprocessResult result = RunFiles(
            new[] { "first.h", "second.h" },
            new HeaderFile("first.h", "#define FROM_FIRST 1"),
            new HeaderFile("second.h", "#if FROM_FIRST\nseen\n#endif"));
        NoDiagnostics(result);
        Assert.AreEqual("seen", Text(result));
    }

    [TestMethod]
    public void MissingQuotedIncludeIsReportedAtItsLine()
    {
        PreprocessResult result = Run("int a;\n\n#include \"nowhere.h\"\nint b;");
        DiagnosticInfo d = Single(result, DiagnosticIds.IncludeNotFound, 3);
        StringAssert.Contains(d.Message, "nowhere.h");
        Assert.AreEqual("test.h", d.Location.File);
        Assert.AreEqual("int a ; int b ;", Text(result));
    }

    [TestMethod]
    public void MissingMainFileIsReported()
    {
        PreprocessResult result = RunFiles(new[] { "absent.h" }, new HeaderFile("present.h", "x"));
        Assert.HasCount(1, result.Diagnostics);
        Assert.AreEqual(DiagnosticIds.IncludeNotFound, result.Diagnostics[0].Id);
        Assert.IsEmpty(result.Tokens);
    }

    [TestMethod]
    public void MalformedIncludeIsReported()
    {
        Single(Run("\n#include\n"), DiagnosticIds.PreprocessorError, 2);
        Single(Run("\n#include <stdint.h\n"), DiagnosticIds.PreprocessorError, 2);
    }

    [TestMethod]
    public void IncludeNameMayComeFromAMacro()
    {
        PreprocessResult result = Run("#define HDR \"lib.h\"\n#include HDR", 8, new HeaderFile("lib.h", "lib"));
        NoDiagnostics(result);
        Assert.AreEqual("lib", Text(result));
    }

    [TestMethod]
    public void RecursiveIncludeStopsAtTheDepthLimit()
    {
        PreprocessResult result = Run("#include \"test.h\"\nx");
        Assert.HasCount(1, result.Diagnostics);
        Assert.AreEqual(DiagnosticIds.PreprocessorError, result.Diagnostics[0].Id);
        Assert.AreEqual(1, result.Diagnostics[0].Location.Line);
        Assert.HasCount(200, result.Tokens); // the include depth limit
    }

    [TestMethod]
    [DataRow(8, "wide")]
    [DataRow(4, "narrow")]
    public void StdintLimitsFollowThePointerSize(int pointerSize, string expected)
    {
        const string source = """
            #include <stdint.h>
            #if UINTPTR_MAX == UINT64_MAX && SIZE_MAX == UINT64_MAX && INTPTR_MAX == INT64_MAX
            wide
            #elif UINTPTR_MAX == UINT32_MAX && SIZE_MAX == UINT32_MAX && INTPTR_MIN == INT32_MIN
            narrow
            #endif
            """;
        PreprocessResult result = Run(source, pointerSize);
        NoDiagnostics(result);
        Assert.AreEqual(expected, Text(result));
    }

    [TestMethod]
    public void StdintDefinesLimitsAndConstantMacros()
    {
        Assert.AreEqual(Tokens("127 (-127-1) 255 65535 2147483647 4294967295U 18446744073709551615ULL 5U 7LL 9ULL"),
            Expand("#include <stdint.h>\nINT8_MAX INT8_MIN UINT8_MAX UINT16_MAX INT32_MAX UINT32_MAX UINT64_MAX UINT32_C(5) INT64_C(7) UINT64_C(9)"));
        Assert.AreEqual("ok", Expand("#include <stdint.h>\n#if INT64_MIN < 0 && INT64_MAX > 0 && UINT64_MAX > INT64_MAX && INT32_MIN == -2147483648\nok\n#endif"));
    }

    [TestMethod]
    public void StddefStdboolAndAssertDefineTheirMacros()
    {
        const string source = """
            #include <stddef.h>
            #include <stdbool.h>
            #include <assert.h>
            #include <string.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <inttypes.h>
            #include <stdarg.h>
            #include <limits.h>
            NULL bool true false static_assert(1, "m");
            #if __bool_true_false_are_defined && INT_MAX == 2147483647 && UINT8_MAX == 255
            ok
            #endif
            """;
        Assert.AreEqual(Tokens("((void*)0) _Bool 1 0 _Static_assert(1, \"m\"); ok"), Expand(source));
    }

    [TestMethod]
    public void SystemHeaderMacrosAreNotListed()
    {
        PreprocessResult result = Run("#include <stdint.h>\n#include <stdbool.h>\n#define MINE 1");
        NoDiagnostics(result);
        Assert.AreEqual("MINE", result.Macros.Single().Name);
    }

    [TestMethod]
    public void UnknownSystemHeaderIsReportedAndSkipped()
    {
        PreprocessResult result = Run("int a;\n#include <sys/socket.h>\nint b;");
        DiagnosticInfo d = Single(result, DiagnosticIds.IncludeNotFound, 2);
        StringAssert.Contains(d.Message, "sys/socket.h");
        Assert.AreEqual("int a ; int b ;", Text(result));
    }

    [TestMethod]
    public void AngledIncludeFindsAGivenHeader()
    {
        PreprocessResult result = Run("#include <mine.h>", 8, new HeaderFile("include/mine.h", "mine"));
        NoDiagnostics(result);
        Assert.AreEqual("mine", Text(result));
    }

    [TestMethod]
    public void PredefinedMacrosAreDefinedButNotListed()
    {
        var options = new PreprocessorOptions(8, new[] { new PredefinedMacro("WASM_ENABLE_X", "1"), new PredefinedMacro("F(a)", "(a+1)") }.ToEquatableArray());
        PreprocessResult result = Preprocessor.Run(new[] { new HeaderFile("t.h", "#if WASM_ENABLE_X\nF(2)\n#endif\n__SIZEOF_POINTER__") }, new[] { "t.h" }, options);
        NoDiagnostics(result);
        Assert.AreEqual("( 2 + 1 ) 8", Text(result));
        Assert.IsEmpty(result.Macros);
    }
}
