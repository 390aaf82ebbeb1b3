using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

using static Wamr.Tests.SourceGen.Parsing.ParserTestHelper;

namespace Wamr.Tests.SourceGen.Parsing;

/// <summary>The bodies of inline functions become a small C syntax tree: statements and expressions, as written.</summary>
[TestClass]
public sealed class BodyParsingTests
{
    private const string Prelude = """
        typedef struct wasm_valtype_t wasm_valtype_t;
        typedef struct wasm_valtype_vec_t { int size; } wasm_valtype_vec_t;
        typedef struct val_t { int kind; union { int i32; long long i64; } of; } val_t;
        typedef unsigned long my_ulong;

        """;

    private static FunctionBody Body(string function)
    {
        HeaderModel model = ParseClean(Prelude + function);
        FunctionBody body = model.Functions.Single(f => f.Body is not null).Body!;
        Assert.IsNull(body.Problem, body.Problem?.ToString());
        return body;
    }

    private static CSyntaxProblem Problem(string function)
    {
        HeaderModel model = ParseClean(Prelude + function);
        return model.Functions.Single(f => f.Body is not null).Body!.Problem!;
    }

    private static CIdentifier Id(string name, int line, int column) => new(name, At(line, column));

    [TestMethod]
    public void ReturnOfAComparison()
    {
        FunctionBody body = Body("static inline int is_num(int k) { return k < WASM_ANYREF; }");
        Assert.AreEqual(
            new CReturnStatement(new CBinary("<", Id("k", 5, 42), Id("WASM_ANYREF", 5, 46), At(5, 42)), At(5, 35)),
            body.Statements.Single());
    }

    [TestMethod]
    public void LocalsWithSeveralDeclaratorsAndArrays()
    {
        FunctionBody body = Body("""
            static inline int f(wasm_valtype_t* p1, wasm_valtype_t* p2) {
              wasm_valtype_t* ps[2] = {p1, p2};
              wasm_valtype_vec_t params, results;
              int xs[] = {1, 2, 3};
              return 0;
            }
            """);
        var ps = (CDeclarationStatement)body.Statements[0];
        CLocal array = ps.Locals.Single();
        Assert.AreEqual("ps", array.Name);
        Assert.AreEqual(new CArrayType(Ptr(Td("wasm_valtype_t")), 2), array.Type);
        var list = (CInitializerList)array.Initializer!;
        CollectionAssert.AreEqual(new[] { "p1", "p2" }, list.Items.Select(i => ((CIdentifier)i.Value).Name).ToArray());

        var vecs = (CDeclarationStatement)body.Statements[1];
        CollectionAssert.AreEqual(new[] { "params", "results" }, vecs.Locals.Select(l => l.Name).ToArray());
        Assert.IsTrue(vecs.Locals.All(l => l.Type.Equals(Td("wasm_valtype_vec_t")) && l.Initializer is null));

        var unsized = (CDeclarationStatement)body.Statements[2];
        Assert.AreEqual(new CArrayType(Prim("int"), 3), unsized.Locals.Single().Type);
    }

    [TestMethod]
    public void AssignmentThroughArrowAndDotWithACast()
    {
        FunctionBody body = Body("static inline void init(val_t* out, void* p) { out->of.i32 = (intptr_t)p; }");
        var statement = (CExpressionStatement)body.Statements.Single();
        var assignment = (CAssignment)statement.Expression;
        Assert.AreEqual("=", assignment.Operator);
        var field = (CMemberAccess)assignment.Target;
        Assert.AreEqual("i32", field.Member);
        Assert.IsFalse(field.IsArrow);
        var of = (CMemberAccess)field.Target;
        Assert.AreEqual("of", of.Member);
        Assert.IsTrue(of.IsArrow);
        Assert.AreEqual(Id("out", 5, 48), of.Target);
        var cast = (CCast)assignment.Value;
        Assert.AreEqual(Prim("intptr_t"), cast.Type);
        Assert.AreEqual("p", ((CIdentifier)cast.Operand).Name);
    }

    [TestMethod]
    public void OperatorsFollowCPrecedence()
    {
        FunctionBody body = Body("static inline int f(int a, int b, int c) { return a + b * c == c || !a && -b < ~c ? a : b; }");
        var conditional = (CConditional)((CReturnStatement)body.Statements.Single()).Value!;
        var or = (CBinary)conditional.Condition;
        Assert.AreEqual("||", or.Operator);
        var equality = (CBinary)or.Left;
        Assert.AreEqual("==", equality.Operator);
        Assert.AreEqual("+", ((CBinary)equality.Left).Operator);
        Assert.AreEqual("*", ((CBinary)((CBinary)equality.Left).Right).Operator);
        var and = (CBinary)or.Right;
        Assert.AreEqual("&&", and.Operator);
        Assert.AreEqual("!", ((CUnary)and.Left).Operator);
        var less = (CBinary)and.Right;
        Assert.AreEqual("<", less.Operator);
        Assert.AreEqual("-", ((CUnary)less.Left).Operator);
        Assert.AreEqual("~", ((CUnary)less.Right).Operator);
    }

    [TestMethod]
    public void CallsSizeofCompoundLiteralsAndIf()
    {
        FunctionBody body = Body("""
            static inline int f(int n) {
              if (n) { g(&n, sizeof(int), sizeof n); } else return 1;
              val_t v = (val_t){ .kind = 1, .of.i32 = n };
              return v.kind;
            }
            """);
        var branch = (CIfStatement)body.Statements[0];
        var call = (CCall)((CExpressionStatement)((CBlockStatement)branch.Then).Statements.Single()).Expression;
        Assert.AreEqual("g", ((CIdentifier)call.Callee).Name);
        Assert.AreEqual("&", ((CUnary)call.Arguments[0]).Operator);
        Assert.AreEqual(Prim("int"), ((CSizeOfType)call.Arguments[1]).Type);
        Assert.AreEqual("n", ((CIdentifier)((CSizeOfExpression)call.Arguments[2]).Operand).Name);
        Assert.IsInstanceOfType<CReturnStatement>(branch.Else);

        var literal = (CCompoundLiteral)((CDeclarationStatement)body.Statements[1]).Locals.Single().Initializer!;
        Assert.AreEqual(Td("val_t"), literal.Type);
        CollectionAssert.AreEqual(new[] { "of", "i32" }, literal.Initializer.Items[1].Designators.ToArray());
    }

    [TestMethod]
    public void UnsupportedConstructsAreNamedAtTheirLine()
    {
        Assert.AreEqual(new CSyntaxProblem("a 'for' loop", At(6, 3)), Problem("static inline int f(int n) {\n  for (;;) {}\n  return n;\n}"));
        Assert.AreEqual("a 'while' loop", Problem("static inline int f(int n) { while (n) {} return n; }").Message);
        Assert.AreEqual("the increment operator '++'", Problem("static inline int f(int n) { n++; return n; }").Message);
        Assert.AreEqual("the comma operator", Problem("static inline int f(int n) { return n, n; }").Message);
        Assert.AreEqual("a static local", Problem("static inline int f(void) { static int n = 0; return n; }").Message);
        Assert.AreEqual("'goto'", Problem("static inline int f(int n) { goto end; end: return n; }").Message);
        Assert.AreEqual("a statement expression ({ ... })", Problem("static inline int f(int n) { return ({ n; }); }").Message);
        Assert.AreEqual("an array designator ([index] =)", Problem("static inline int f(void) { int a[2] = { [1] = 2 }; return a[0]; }").Message);
        StringAssert.StartsWith(Problem("static inline int f(int n) { return n + ; }").Message, "code it cannot parse (");
    }

    [TestMethod]
    public void ABodyDeclaresNothingAtFileScope()
    {
        HeaderModel model = Parse(Prelude + "static inline void f(void) { struct hidden* p = 0; }\nint after(void);\n");
        Assert.IsFalse(model.Records.Any(r => r.Name == "hidden"));
        Assert.AreEqual("after", model.Functions[^1].Name);
        Assert.IsEmpty(model.Diagnostics);
    }

    [TestMethod]
    public void EqualBodiesAreEqualModels()
    {
        const string text = "static inline int f(int a) { int b[2] = {a, 1}; if (a) { return b[0]; } return -a; }";
        HeaderModel first = ParseClean(Prelude + text), second = ParseClean(Prelude + text);
        Assert.AreNotSame(first.Functions.Single().Body, second.Functions.Single().Body);
        Assert.AreEqual(first.Functions.Single().Body, second.Functions.Single().Body);
        Assert.AreEqual(first.GetHashCode(), second.GetHashCode());
        Assert.AreNotEqual(first, ParseClean(Prelude + text.Replace("1}", "2}", System.StringComparison.Ordinal)));
    }
}
