using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Diagnostics;
using Wamr.SourceGen.Preprocessing;

using static Wamr.Tests.SourceGen.Preprocessing.PreprocessorTestHelper;

namespace Wamr.Tests.SourceGen.Preprocessing;

[TestClass]
public sealed class MacroExpansionTests
{
    [TestMethod]
    public void ObjectLikeMacroIsReplaced()
    {
        Assert.AreEqual("int a = 10 + 1 ;", Expand("#define TEN 10\n#define ELEVEN TEN + 1\nint a = ELEVEN;"));
    }

    [TestMethod]
    public void FunctionLikeMacroSubstitutesArguments()
    {
        Assert.AreEqual(Tokens("int x = ((1+2) * (3));"),
            Expand("#define MUL(a, b) ((a) * (b))\nint x = MUL(1+2, 3);"));
    }

    [TestMethod]
    public void ArgumentsMayHoldParenthesesAndCommasInside()
    {
        Assert.AreEqual(Tokens("f((1, 2)) + [g(3,4)]"),
            Expand("#define ID(x) x\n#define BR(x) [x]\nID(f((1, 2))) + BR(g(3,4))"));
    }

    [TestMethod]
    public void FunctionLikeMacroNameWithoutParenthesisIsNotExpanded()
    {
        Assert.AreEqual(Tokens("int f ; int (*p)(int) = f ; 1"),
            Expand("#define f(x) x\nint f; int (*p)(int) = f; f(1)"));
    }

    [TestMethod]
    public void ArgumentListMaySpanLines()
    {
        Assert.AreEqual(Tokens("(1 + 2)"), Expand("#define ADD(a, b) (a + b)\nADD\n(\n1,\n2\n)"));
    }

    [TestMethod]
    public void StringizingQuotesTheArgumentAsWritten()
    {
        Assert.AreEqual(Tokens("\"a + b\" \"\\\"s\\\\n\\\"\" \"\""),
            Expand("#define S(x) #x\nS( a  +  b ) S(\"s\\n\") S()"));
    }

    [TestMethod]
    public void PastingJoinsTokens()
    {
        Assert.AreEqual(Tokens("wasm_byte_vec_t x1 123 += ;"),
            Expand("#define V(n) wasm_##n##_vec_t\n#define X(n) x ## n\n#define N(a,b,c) a##b##c\n#define OP(a) a ## =\nV(byte) X(1) N(1,2,3) OP(+);"));
    }

    [TestMethod]
    public void PastingIsDoneBeforeExpansionOfTheResult()
    {
        Assert.AreEqual(Tokens("42 x"), Expand("#define AB 42\n#define CAT(a,b) a##b\n#define A x\nCAT(A, B) A"));
    }

    [TestMethod]
    public void InvalidPasteIsReportedAndKeepsBothTokens()
    {
        PreprocessResult result = Run("#define P(a, b) a ## b\n\nP(+, /)");
        Single(result, DiagnosticIds.PreprocessorError, 3);
        Assert.AreEqual("+ /", Text(result));
    }

    [TestMethod]
    public void SelfReferenceIsNotExpandedAgain()
    {
        Assert.AreEqual(Tokens("foo ; ( 4 + EXP ) ; a"),
            Expand("#define foo foo\n#define EXP (4 + EXP)\n#define a b\n#define b a\nfoo; EXP; a"));
    }

    [TestMethod]
    public void RescanPicksUpParenthesisAfterTheExpansion()
    {
        // C11 6.10.3.4 example: f(2)(9) expands to 2*9*g.
        Assert.AreEqual(Tokens("2*9*g"), Expand("#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)"));
    }

    [TestMethod]
    public void StandardExampleOfRedefinitionAndRescanning()
    {
        // C11 6.10.3.5 EXAMPLE 3.
        const string source = """
            #define x 3
            #define f(a) f(x * (a))
            #undef x
            #define x 2
            #define g f
            #define z z[0]
            #define h g(~
            #define m(a) a(w)
            #define w 0,1
            #define t(a) a
            #define p() int
            #define q(x) x
            #define r(x,y) x ## y
            #define str(x) # x
            f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
            g(x+(3,4)-w) | h 5) & m
            (f)^m(m);
            p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
            char c[2][6] = { str(hello), str() };
            """;
        const string expected = """
            f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
            f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
            int i[] = { 1, 23, 4, 5, };
            char c[2][6] = { "hello", "" };
            """;
        Assert.AreEqual(Tokens(expected), Expand(source));
    }

    [TestMethod]
    public void StandardExampleOfStringizingAndPasting()
    {
        // C11 6.10.3.5 EXAMPLE 4.
        const string source = """
            #define str(s) # s
            #define xstr(s) str(s)
            #define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \
             x ## s, x ## t)
            #define INCFILE(n) vers ## n
            #define glue(a, b) a ## b
            #define xglue(a, b) glue(a, b)
            #define HIGHLOW "hello"
            #define LOW LOW ", world"
            debug(1, 2);
            fputs(str(strncmp("abc\0d", "abc", '\4') // this goes away
             == 0) str(: @\n), s);
            xstr(INCFILE(2).h)
            glue(HIGH, LOW);
            xglue(HIGH, LOW)
            """;
        PreprocessResult result = Run(source);
        NoDiagnostics(result);
        string[] tokens = result.Tokens.Select(t => t.Text).ToArray();
        string[] expected =
        {
            "printf", "(", "\"x\"", "\"1\"", "\"= %d, x\"", "\"2\"", "\"= %s\"", ",", "x1", ",", "x2", ")", ";",
            "fputs", "(", "\"strncmp(\\\"abc\\\\0d\\\", \\\"abc\\\", '\\\\4') == 0\"", "\": @\\n\"", ",", "s", ")", ";",
            "\"vers2.h\"",
            "\"hello\"", ";",
            "\"hello\"", "\", world\"",
        };
        CollectionAssert.AreEqual(expected, tokens);
    }

    [TestMethod]
    public void StandardExampleOfPlacemarkers()
    {
        // C11 6.10.3.5 EXAMPLE 5.
        Assert.AreEqual(Tokens("int j[] = { 123, 45, 67, 89, 10, 11, 12, };"),
            Expand("#define t(x,y,z) x ## y ## z\nint j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),\n t(10,,), t(,11,), t(,,12), t(,,) };"));
    }

    [TestMethod]
    public void StandardExampleOfVariadicMacros()
    {
        // C11 6.10.3.5 EXAMPLE 7.
        const string source = """
            #define debug(...) fprintf(stderr, __VA_ARGS__)
            #define showlist(...) puts(#__VA_ARGS__)
            #define report(test, ...) ((test)?puts(#test): printf(__VA_ARGS__))
            debug("Flag");
            debug("X = %d\n", x);
            showlist(The first, second, and third items.);
            report(x>y, "x is %d but y is %d", x, y);
            """;
        const string expected = """
            fprintf(stderr, "Flag");
            fprintf(stderr, "X = %d\n", x);
            puts("The first, second, and third items.");
            ((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));
            """;
        Assert.AreEqual(Tokens(expected), Expand(source));
    }

    [TestMethod]
    public void VariadicArgumentsMayBeOmittedAndGnuCommaIsDropped()
    {
        Assert.AreEqual(Tokens("log(\"a\"); log(\"b\", 1, 2); g(1)"),
            Expand("#define LOG(fmt, ...) log(fmt, ## __VA_ARGS__)\n#define G(a, args...) g(a args)\nLOG(\"a\"); LOG(\"b\", 1, 2); G(1)"));
    }

    [TestMethod]
    public void ArgumentsArePreExpandedButNotNextToHashOrPaste()
    {
        Assert.AreEqual(Tokens("\"ONE\" \"1\" ONE_ 1"),
            Expand("#define ONE 1\n#define S(x) #x\n#define XS(x) S(x)\n#define P(x) x ## _\n#define E(x) x\nS(ONE) XS(ONE) P(ONE) E(ONE)"));
    }

    [TestMethod]
    public void MacroExpandingToNestedInvocationIsFullyExpanded()
    {
        Assert.AreEqual(Tokens("typedef struct wasm_a_t wasm_a_t; void wasm_a_delete(wasm_a_t*);"),
            Expand("#define OWN(n) typedef struct wasm_##n##_t wasm_##n##_t; API void wasm_##n##_delete(own wasm_##n##_t*);\n#define TYPE(n) OWN(n)\n#define API\n#define own\nTYPE(a)"));
    }

    [TestMethod]
    public void UndefRemovesAMacro()
    {
        Assert.AreEqual("1 X", Expand("#define X 1\nX\n#undef X\nX"));
    }

    [TestMethod]
    public void RedefinitionReplacesTheMacro()
    {
        PreprocessResult result = Run("#define X 1\nX\n#define X 2\nX\n#define X() 3\nX()");
        NoDiagnostics(result);
        Assert.AreEqual("1 2 3", Text(result));
        Assert.HasCount(1, result.Macros);
        Assert.IsTrue(result.Macros[0].IsFunctionLike);
    }

    [TestMethod]
    public void LineContinuationsJoinMacroLines()
    {
        PreprocessResult result = Run("#define LONG(a) \\\n  (a + \\\n   1)\nLONG(2)");
        NoDiagnostics(result);
        Assert.AreEqual(Tokens("(2 + 1)"), Text(result));
        Assert.AreEqual("( a + 1 )", result.Macros[0].Body);
    }

    [TestMethod]
    public void ExpandedTokensTakeTheLocationOfTheMacroUse()
    {
        PreprocessResult result = Run("#define DECL(n) int n;\n\n  DECL(x)\nint y;");
        NoDiagnostics(result);
        Assert.AreEqual("int x ; int y ;", Text(result));
        Assert.IsTrue(result.Tokens.Take(3).All(t => t.Location.Line == 3 && t.Location.Column == 3 && t.Location.File == "test.h"));
        Assert.AreEqual(4, result.Tokens[3].Location.Line);
    }

    [TestMethod]
    public void CommentSurvivesMacrosThatExpandToNothing()
    {
        PreprocessResult result = Run("#define API\n#define own\n/** Makes an engine. */\nAPI own wasm_engine_t* wasm_engine_new(void);");
        NoDiagnostics(result);
        Assert.AreEqual("wasm_engine_t", result.Tokens[0].Text);
        Assert.AreEqual("Makes an engine.", result.Tokens[0].LeadingComment);
        Assert.IsTrue(result.Tokens.Skip(1).All(t => t.LeadingComment is null));
    }

    [TestMethod]
    public void CommentGoesOnTheFirstTokenOfAnExpansion()
    {
        PreprocessResult result = Run("#define DECL(n) API int n;\n#define API\n// The x.\nDECL(x)");
        NoDiagnostics(result);
        Assert.AreEqual("int", result.Tokens[0].Text);
        Assert.AreEqual("The x.", result.Tokens[0].LeadingComment);
    }

    [TestMethod]
    public void CommentBeforeADirectiveDoesNotLeakButBecomesTheMacroDoc()
    {
        PreprocessResult result = Run("/** The answer. */\n#define ANSWER 42\n#ifndef G\n#define G\n#endif // G\nint x;");
        NoDiagnostics(result);
        Assert.IsNull(result.Tokens[0].LeadingComment);
        Assert.AreEqual("The answer.", result.Macros.Single(m => m.Name == "ANSWER").Doc);
        Assert.IsNull(result.Macros.Single(m => m.Name == "G").Doc);
    }

    [TestMethod]
    public void CommentOnItsOwnLineAfterADirectiveIsKept()
    {
        PreprocessResult result = Run("#define A 1 /* trailing */\n/** Doc of x. */\nint x;");
        NoDiagnostics(result);
        Assert.AreEqual("Doc of x.", result.Tokens[0].LeadingComment);
    }

    [TestMethod]
    public void MacrosAreListedWithParametersBodyLocationAndDoc()
    {
        PreprocessResult result = Run("#define A 1\n// Adds.\n#define ADD(x, y) ((x) + (y))\n#define V(fmt, ...) f(fmt, __VA_ARGS__)\n#define GONE\n#undef GONE\n#define E");
        NoDiagnostics(result);
        CollectionAssert.AreEqual(new[] { "A", "ADD", "V", "E" }, result.Macros.Select(m => m.Name).ToArray());
        var add = result.Macros[1];
        Assert.IsTrue(add.IsFunctionLike);
        CollectionAssert.AreEqual(new[] { "x", "y" }, add.Parameters.ToArray());
        Assert.AreEqual("( ( x ) + ( y ) )", add.Body);
        Assert.HasCount(9, add.BodyTokens);
        Assert.AreEqual("Adds.", add.Doc);
        Assert.AreEqual(3, add.Location.Line);
        CollectionAssert.AreEqual(new[] { "fmt", "__VA_ARGS__" }, result.Macros[2].Parameters.ToArray());
        Assert.AreEqual(string.Empty, result.Macros[3].Body);
        Assert.IsFalse(result.Macros[3].IsFunctionLike);
    }

    [TestMethod]
    public void ObjectLikeMacroWhoseBodyStartsWithParenthesisAfterSpace()
    {
        PreprocessResult result = Run("#define P (1)\nP");
        NoDiagnostics(result);
        Assert.AreEqual("( 1 )", Text(result));
        Assert.IsFalse(result.Macros[0].IsFunctionLike);
    }

    [TestMethod]
    public void LineAndFileAreBuiltIn()
    {
        Assert.AreEqual("\"test.h\" 2", Expand("__FILE__\n__LINE__"));
    }

    [TestMethod]
    public void WrongArgumentCountIsReportedAtTheUse()
    {
        PreprocessResult result = Run("#define TWO(a, b) a b\n\nTWO(1)");
        Single(result, DiagnosticIds.PreprocessorError, 3);
    }

    [TestMethod]
    public void UnterminatedArgumentListIsReported()
    {
        PreprocessResult result = Run("#define F(a) a\nF(1, \n#define X\n");
        DiagnosticInfo d = Single(result, DiagnosticIds.PreprocessorError, 2);
        StringAssert.Contains(d.Message, "unterminated");
    }

    [TestMethod]
    public void MalformedDefinitionsAreReportedAtTheirLine()
    {
        Single(Run("int a;\n#define F(a,) a"), DiagnosticIds.PreprocessorError, 2);
        Single(Run("\n\n#define ## x"), DiagnosticIds.PreprocessorError, 3);
        Single(Run("#define P(a) ## a"), DiagnosticIds.PreprocessorError, 1);
        Single(Run("\n#define S(a) #b"), DiagnosticIds.PreprocessorError, 2);
        Single(Run("\n#define F(a, a) a"), DiagnosticIds.PreprocessorError, 2);
        Single(Run("\n#define defined 1"), DiagnosticIds.PreprocessorError, 2);
    }

    [TestMethod]
    public void RunawayExpansionStopsWithADiagnostic()
    {
        // Each level doubles the tokens: 2^40 tokens would never end without the limits.
        var source = new System.Text.StringBuilder("#define L0 x x\n");
        for (int i = 1; i <= 40; i++)
        {
            source.Append("#define L").Append(i).Append(" L").Append(i - 1).Append(" L").Append(i - 1).Append('\n');
        }

        source.Append("L40\n");
        PreprocessResult result = Run(source.ToString());
        Assert.IsNotEmpty(result.Diagnostics);
        Assert.AreEqual(DiagnosticIds.PreprocessorError, result.Diagnostics[0].Id);
        Assert.AreEqual(42, result.Diagnostics[0].Location.Line);
    }
}
