using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Preprocessing;

using static Wamr.Tests.SourceGen.Preprocessing.PreprocessorTestHelper;

namespace Wamr.Tests.SourceGen.Preprocessing;

[TestClass]
public sealed class DirectiveTests
{
    [TestMethod]
    public void PragmaLineWarningIdentAndNullDirectivesAreAccepted()
    {
        Assert.AreEqual("a b", Expand("#pragma pack(push, 1)\na\n#\n#line 10 \"x.h\"\n# 12 \"y.h\"\n#warning careful\n#ident \"v\"\nb"));
    }

    [TestMethod]
    public void PragmaOperatorIsRemoved()
    {
        Assert.AreEqual("a b _Pragma x", Expand("#define PACK _Pragma(\"pack(1)\")\na PACK _Pragma(\"once\") b _Pragma x"));
    }

    [TestMethod]
    public void ElifdefAndElifndefAreSupported()
    {
        Assert.AreEqual("b c", Expand("#define B\n#if 0\na\n#elifdef B\nb\n#endif\n#ifdef Z\nz\n#elifndef Z\nc\n#endif"));
    }

    [TestMethod]
    public void ErrorDirectiveIsReportedWithItsText()
    {
        PreprocessResult result = Run("int a;\n#ifndef NEED\n#error NEED must be defined, see \"docs\"\n#endif\nint b;");
        DiagnosticInfo d = Single(result, DiagnosticIds.ErrorDirective, 3);
        Assert.AreEqual("#error NEED must be defined, see \"docs\"", d.Message);
        Assert.AreEqual("test.h", d.Location.File);
        Assert.AreEqual("int a ; int b ;", Text(result));
    }

    [TestMethod]
    public void UnknownDirectiveIsReportedAtItsLine()
    {
        PreprocessResult result = Run("a\n\n#frobnicate now\nb");
        DiagnosticInfo d = Single(result, DiagnosticIds.PreprocessorError, 3);
        StringAssert.Contains(d.Message, "frobnicate");
        Assert.AreEqual("a b", Text(result));
    }

    [TestMethod]
    public void NonIdentifierDirectiveIsReported()
    {
        Single(Run("\n#!\n"), DiagnosticIds.PreprocessorError, 2);
    }

    [TestMethod]
    public void HashInsideALineIsNotADirective()
    {
        Assert.AreEqual("a # b", Expand("a # b"));
    }

    [TestMethod]
    public void UndefWithoutNameIsReported()
    {
        Single(Run("\n#undef\n"), DiagnosticIds.PreprocessorError, 2);
    }

    [TestMethod]
    public void DirectiveLineCommentDoesNotLeakOntoTheNextLine()
    {
        var tokens = Lexer.Tokenize("t.h", "#endif // end of guard\nint x; // x\nint y;");
        Assert.IsNull(tokens[2].LeadingComment);
        Assert.AreEqual("x", tokens[5].LeadingComment);
    }

    [TestMethod]
    public void NullHeaderListGivesEmptyResult()
    {
        PreprocessResult result = Preprocessor.Run(System.Array.Empty<HeaderFile>(), System.Array.Empty<string>(), PreprocessorOptions.Default);
        Assert.IsEmpty(result.Tokens);
        Assert.IsEmpty(result.Diagnostics);
    }
}
