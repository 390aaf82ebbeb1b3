using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Preprocessing;

using static Wamr.Tests.SourceGen.Preprocessing.PreprocessorTestHelper;

namespace Wamr.Tests.SourceGen.Preprocessing;

[TestClass]
public sealed class ConditionalTests
{
    [TestMethod]
    public void IfdefAndIfndefTestDefinition()
    {
        Assert.AreEqual("a d", Expand("#define X\n#ifdef X\na\n#else\nb\n#endif\n#ifndef X\nc\n#else\nd\n#endif"));
    }

    [TestMethod]
    [DataRow(1, "one")]
    [DataRow(2, "two")]
    [DataRow(3, "three")]
    [DataRow(9, "other")]
    public void ElifChainTakesTheFirstTrueBranchOnly(int value, string expected)
    {
        string source = $"#define V {value}\n#if V == 1\none\n#elif V == 2\ntwo\n#elif V >= 3 && V < 5\nthree\n#elif V > 2\nother\n#else\nnone\n#endif";
        Assert.AreEqual(expected, Expand(source));
    }

    [TestMethod]
    public void ElseIsTakenWhenNoBranchWas()
    {
        Assert.AreEqual("none", Expand("#if 0\na\n#elif 0\nb\n#else\nnone\n#endif"));
    }

    [TestMethod]
    public void NestedGroupsInsideSkippedGroupsAreSkippedWithoutEvaluation()
    {
        const string source = """
            #if 0
            #if 1/0
            a
            #elif garbage (
            b
            #else
            c
            #endif
            #unknown_directive
            #error not reached
            #include "missing.h"
            #else
            kept
            #if 1
            inner
            #endif
            #endif
            """;
        Assert.AreEqual("kept inner", Expand(source));
    }

    [TestMethod]
    public void ElifAfterTakenBranchIsNotEvaluated()
    {
        Assert.AreEqual("a", Expand("#if 1\na\n#elif 1/0\nb\n#endif"));
    }

    [TestMethod]
    public void DefinedWorksWithAndWithoutParentheses()
    {
        Assert.AreEqual("1 2 3", Expand("#define A\n#if defined A && defined(A) && !defined B && !defined ( B )\n1\n#endif\n#if defined(A) || defined(B)\n2\n#endif\n#if defined B\nno\n#else\n3\n#endif"));
    }

    [TestMethod]
    public void DefinedOperandIsNotExpanded()
    {
        Assert.AreEqual("ok", Expand("#define A B\n#if defined(A) && !defined(B)\nok\n#endif"));
    }

    [TestMethod]
    public void MacrosAreExpandedInConditionsAndUnknownIdentifiersAreZero()
    {
        Assert.AreEqual("a b", Expand("#define TWO 2\n#define SUM(x, y) ((x) + (y))\n#if SUM(TWO, 3) == 5\na\n#endif\n#if UNKNOWN == 0 && !UNKNOWN\nb\n#endif"));
    }

    [TestMethod]
    public void ConditionsUseFullConstantExpressions()
    {
        const string source = """
            #if (1 ? 2 : 3) == 2 && (0 ? 1 : 4) == 4
            ternary
            #endif
            #if ((0x0F & 0x3C) | 0x100) == 0x10C && (1 << 4) == 16 && (~0 ^ -1) == 0 && (256 >> 4) == 0x10
            bitwise
            #endif
            #if -1 < 0 && !(-1 < 0u) && 10 % 3 == 1 && 7 / 2 == 3
            arithmetic
            #endif
            #if 0 && (1 / 0)
            no
            #elif 1 || (1 / 0)
            shortcircuit
            #endif
            #if 'A' == 65 && 18446744073709551615ULL == -1ull
            constants
            #endif
            """;
        Assert.AreEqual("ternary bitwise arithmetic shortcircuit constants", Expand(source));
    }

    [TestMethod]
    public void StandardVersionMacroIsC11()
    {
        Assert.AreEqual("c11", Expand("#if (__STDC_VERSION__) > 199901L && __STDC__\nc11\n#endif"));
    }

    [TestMethod]
    public void CplusplusIsNeverDefined()
    {
        Assert.AreEqual("int x ;", Expand("#ifdef __cplusplus\nextern \"C\" {\n#endif\nint x;\n#ifdef __cplusplus\n}\n#endif\n#if defined(_MSC_BUILD) || defined(_MSC_VER)\nmsvc\n#endif"));
    }

    [TestMethod]
    public void UnbalancedEndifIsReportedAtItsLine()
    {
        PreprocessResult result = Run("int a;\n#endif\nint b;");
        Single(result, DiagnosticIds.PreprocessorError, 2);
        Assert.AreEqual("int a ; int b ;", Text(result));
    }

    [TestMethod]
    public void MisplacedElseAndElifAreReported()
    {
        Single(Run("\n#else"), DiagnosticIds.PreprocessorError, 2);
        Single(Run("\n\n#elif 1"), DiagnosticIds.PreprocessorError, 3);
        PreprocessResult result = Run("#if 0\n#else\na\n#else\nb\n#elif 1\nc\n#endif");
        Assert.HasCount(2, result.Diagnostics);
        Assert.AreEqual(4, result.Diagnostics[0].Location.Line);
        Assert.AreEqual(6, result.Diagnostics[1].Location.Line);
        Assert.AreEqual("a", Text(result));
    }

    [TestMethod]
    public void UnterminatedIfIsReportedAtTheIf()
    {
        PreprocessResult result = Run("int a;\n#if 1\n#ifdef X\nint b;\n");
        Assert.HasCount(2, result.Diagnostics);
        Assert.AreEqual(3, result.Diagnostics[0].Location.Line);
        Assert.AreEqual(2, result.Diagnostics[1].Location.Line);
        Assert.AreEqual(DiagnosticIds.PreprocessorError, result.Diagnostics[1].Id);
    }

    [TestMethod]
    public void InvalidConditionIsReportedAndTakenAsFalse()
    {
        PreprocessResult result = Run("\n#if 1 +\na\n#else\nb\n#endif");
        Single(result, DiagnosticIds.PreprocessorError, 2);
        Assert.AreEqual("b", Text(result));
        Single(Run("#if\n#endif"), DiagnosticIds.PreprocessorError, 1);
        Single(Run("\n#if defined(\n#endif"), DiagnosticIds.PreprocessorError, 2);
        Single(Run("\n#ifdef\n#endif"), DiagnosticIds.PreprocessorError, 2);
        Single(Run("\n\n#if 1/0\n#endif"), DiagnosticIds.PreprocessorError, 3);
    }

    [TestMethod]
    public void ConditionOnContinuedLinesIsOneDirective()
    {
        Assert.AreEqual("yes", Expand("#if 1 && \\\n    2 == 2\nyes\n#endif"));
    }
}
