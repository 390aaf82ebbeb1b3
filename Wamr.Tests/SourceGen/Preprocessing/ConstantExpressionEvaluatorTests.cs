using Microsoft.VisualStudio.TestTools.UnitTesting;

using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.Tests.SourceGen.Preprocessing;

[TestClass]
public sealed class ConstantExpressionEvaluatorTests
{
    private static ConstantValue? Eval(string text, out string? error) =>
        ConstantExpressionEvaluator.Evaluate(Lexer.Tokenize("e", text), static _ => ConstantValue.Signed(0), 8, out error);

    [TestMethod]
    [DataRow("0 && 1 / 0", 0L)]
    [DataRow("1 || 1 % 0", 1L)]
    [DataRow("1 ? 5 : 1 / 0", 5L)]
    [DataRow("0 ? 1 / 0 : 6", 6L)]
    [DataRow("0 && (1 || 1 / 0)", 0L)]
    public void OperandsNotEvaluatedMayDivideByZero(string text, long expected)
    {
        ConstantValue? value = Eval(text, out string? error);
        Assert.IsNull(error);
        Assert.AreEqual(expected, value!.Value.Bits);
    }

    [TestMethod]
    public void DivisionByZeroThatIsEvaluatedIsAnError()
    {
        Assert.IsNull(Eval("1 && 1 / 0", out string? error));
        StringAssert.Contains(error!, "division by zero");
    }

    [TestMethod]
    public void MostNegativeDividedByMinusOneDoesNotThrow()
    {
        ConstantValue? quotient = Eval("(-9223372036854775807 - 1) / -1", out string? error);
        Assert.IsNull(error);
        Assert.AreEqual(long.MinValue, quotient!.Value.Bits);
        Assert.AreEqual(0L, Eval("(-9223372036854775807 - 1) % -1", out _)!.Value.Bits);
    }

    [TestMethod]
    [DataRow("'\\x'")]
    [DataRow("'\\9'")]
    [DataRow("''")]
    [DataRow("'a")]
    [DataRow("0b")]
    public void MalformedConstantsAreErrorsNotExceptions(string text)
    {
        Assert.IsNull(Eval(text, out string? error));
        Assert.IsNotNull(error);
    }

    [TestMethod]
    public void CharacterEscapesStillWork()
    {
        Assert.AreEqual(65L, Eval("'\\x41'", out _)!.Value.Bits);
        Assert.AreEqual(8L, Eval("'\\10'", out _)!.Value.Bits);
        Assert.AreEqual(10L, Eval("'\\n'", out _)!.Value.Bits);
        Assert.AreEqual(5L, Eval("0b101", out _)!.Value.Bits);
    }
}
