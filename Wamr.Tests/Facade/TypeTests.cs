using System;
using System.Linq;

using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Wamr.Tests.Facade;

/// <summary>The type descriptions: equality, hashing, WAT-like text, and reading them from real modules.</summary>
[TestClass]
public sealed class TypeTests : FacadeTest
{
    [TestMethod]
    public void ValTypesAreSharedPerKindAndPrintAsInTheTextFormat()
    {
        Assert.AreSame(ValType.I32, ValType.Of(ValKind.I32));
        Assert.AreEqual("i32 i64 f32 f64 externref funcref",
            string.Join(" ", ValType.I32, ValType.I64, ValType.F32, ValType.F64, ValType.ExternRef, ValType.FuncRef));
        Assert.IsTrue(ValType.FuncRef.IsReference);
        Assert.IsFalse(ValType.F64.IsReference);
        Assert.IsTrue(ValType.I64 == ValType.Of(ValKind.I64));
        Assert.IsTrue(ValType.I64 != ValType.I32);
        Assert.AreEqual(ValType.F32.GetHashCode(), ValType.Of(ValKind.F32).GetHashCode());
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ValType.Of((ValKind)7));
    }

    [TestMethod]
    public void FuncTypesCompareByValueAndPrintLikeWat()
    {
        var a = FuncType.Of([ValKind.I32, ValKind.I32], [ValKind.I64]);
        var b = new FuncType([ValType.I32, ValType.I32], [ValType.I64]);
        var c = FuncType.Of([ValKind.I32], [ValKind.I64]);
        Assert.AreEqual("(func (param i32 i32) (result i64))", a.ToString());
        Assert.AreEqual("(func)", FuncType.Of([], []).ToString());
        Assert.AreEqual("(func (result f64))", FuncType.Of([], [ValKind.F64]).ToString());
        Assert.AreEqual(a, b);
        Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
        Assert.AreNotEqual(a, c);
        Assert.AreNotEqual<ExternType>(a, new GlobalType(ValType.I32, Mutability.Const));
        Assert.IsTrue(FuncType.Of([ValKind.FuncRef], []).HasReferences);
        Assert.IsFalse(a.HasReferences);
        Assert.AreEqual(ExternKind.Func, a.Kind);
    }

    [TestMethod]
    public void FuncTypeRejectsNulls()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => new FuncType(null!, []));
        Assert.ThrowsExactly<ArgumentNullException>(() => new FuncType([], null!));
        Assert.ThrowsExactly<ArgumentNullException>(() => new FuncType([ValType.I32, null!], []));
    }

    [TestMethod]
    public void GlobalTableAndMemoryTypesPrintAndCompare()
    {
        var mutableI64 = new GlobalType(ValType.I64, Mutability.Var);
        Assert.AreEqual("(global (mut i64))", mutableI64.ToString());
        Assert.AreEqual("(global f32)", new GlobalType(ValType.F32, Mutability.Const).ToString());
        Assert.AreEqual(mutableI64, new GlobalType(ValType.I64, Mutability.Var));
        Assert.AreNotEqual(mutableI64, new GlobalType(ValType.I64, Mutability.Const));
        Assert.AreEqual(mutableI64.GetHashCode(), new GlobalType(ValType.I64, Mutability.Var).GetHashCode());

        var table = new TableType(ValType.FuncRef, new Limits(1, 10));
        Assert.AreEqual("(table 1 10 funcref)", table.ToString());
        Assert.AreEqual(table, new TableType(ValType.FuncRef, new Limits(1, 10)));
        Assert.AreNotEqual(table, new TableType(ValType.ExternRef, new Limits(1, 10)));
        Assert.ThrowsExactly<ArgumentException>(() => new TableType(ValType.I32, new Limits(1)));

        var memory = new MemoryType(new Limits(1, 3));
        Assert.AreEqual("(memory 1 3)", memory.ToString());
        Assert.AreEqual("(memory 2)", new MemoryType(new Limits(2)).ToString());
        Assert.AreEqual(memory, new MemoryType(new Limits(1, 3)));
        Assert.AreNotEqual(memory, new MemoryType(new Limits(1)));
        Assert.ThrowsExactly<ArgumentNullException>(() => new GlobalType(null!, Mutability.Var));
    }

    [TestMethod]
    public void LimitsTreatWamrsDefaultMaximumAsNone()
    {
        Assert.IsNull(new Limits(1, Limits.NoMaximum).Maximum);
        Assert.AreEqual(new Limits(1), new Limits(1, uint.MaxValue));
        Assert.AreEqual("4 5", new Limits(4, 5).ToString());
        Assert.IsTrue(new Limits(4, 5) == new Limits(4, 5));
        Assert.IsTrue(new Limits(4, 5) != new Limits(4, 6));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Limits(5, 4));
    }

    [TestMethod]
    public void ImportAndExportTypesPrintLikeWat()
    {
        var import = new ImportType("env", "f\"x", FuncType.Of([ValKind.I32], []));
        Assert.AreEqual("(import \"env\" \"f\\\"x\" (func (param i32)))", import.ToString());
        Assert.AreEqual("env::f\"x", import.QualifiedName);
        Assert.AreEqual(import, new ImportType("env", "f\"x", FuncType.Of([ValKind.I32], [])));
        Assert.AreNotEqual(import, new ImportType("env", "g", FuncType.Of([ValKind.I32], [])));
        var export = new ExportType("mem", new MemoryType(new Limits(1, 3)));
        Assert.AreEqual("(export \"mem\" (memory 1 3))", export.ToString());
        Assert.AreEqual(export.GetHashCode(), new ExportType("mem", new MemoryType(new Limits(1, 3))).GetHashCode());
        Assert.ThrowsExactly<ArgumentNullException>(() => new ImportType(null!, "x", export.Type));
        Assert.ThrowsExactly<ArgumentNullException>(() => new ExportType("x", null!));
    }

    [TestMethod]
    public void ValTypesCompareByKindAndNameEveryKind()
    {
        Assert.AreEqual(ValKind.F64, ValType.F64.Kind);
        Assert.AreEqual(ValKind.ExternRef, ValType.Of(ValKind.ExternRef).Kind);
        Assert.IsTrue(ValType.I32.Equals(ValType.Of(ValKind.I32)));
        Assert.IsFalse(ValType.I32.Equals(ValType.I64));
        Assert.IsFalse(ValType.I32.Equals((ValType?)null));
        Assert.IsTrue(ValType.FuncRef.Equals((object)ValType.FuncRef));
        Assert.IsFalse(ValType.FuncRef.Equals("funcref"));
        Assert.IsFalse(ValType.I32 == null);
        Assert.IsTrue((ValType?)null == null);
        Assert.AreEqual("i32 i64 f32 f64 externref funcref",
            string.Join(" ", ValType.Name(ValKind.I32), ValType.Name(ValKind.I64), ValType.Name(ValKind.F32), ValType.Name(ValKind.F64),
                ValType.Name(ValKind.ExternRef), ValType.Name(ValKind.FuncRef)));
        // Not a kind: a name that says so rather than an exception (it is used in error messages).
        Assert.AreEqual("kind7", ValType.Name((ValKind)7));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => FuncType.Of([(ValKind)7], []));
    }

    [TestMethod]
    public void ExternTypesCompareThroughEqualsAndOperators()
    {
        ExternType func = FuncType.Of([ValKind.I32], [ValKind.F64]);
        ExternType sameFunc = new FuncType([ValType.I32], [ValType.F64]);
        ExternType global = new GlobalType(ValType.I32, Mutability.Var);
        ExternType table = new TableType(ValType.ExternRef, new Limits(0, 4));
        ExternType memory = new MemoryType(new Limits(2));
        Assert.IsTrue(func.Equals(sameFunc));
        Assert.IsTrue(func == sameFunc);
        Assert.IsFalse(func != sameFunc);
        Assert.IsTrue(func != global);
        Assert.IsFalse(func.Equals((ExternType?)null));
        Assert.IsFalse(func.Equals((object)"(func)"));
        Assert.IsTrue(func.Equals((object)sameFunc));
        Assert.IsFalse(func == null);
        Assert.IsTrue((ExternType?)null == null);
        Assert.IsTrue(global.Equals(new GlobalType(ValType.I32, Mutability.Var)));
        Assert.IsFalse(global.Equals(new GlobalType(ValType.I64, Mutability.Var)));
        Assert.IsFalse(global.Equals(memory));
        Assert.IsTrue(table.Equals(new TableType(ValType.ExternRef, new Limits(0, 4))));
        Assert.IsFalse(table.Equals(new TableType(ValType.ExternRef, new Limits(0, 5))));
        Assert.IsFalse(table.Equals(memory));
        Assert.IsTrue(memory.Equals(new MemoryType(new Limits(2))));
        Assert.IsFalse(memory.Equals(new MemoryType(new Limits(2, 2))));
        Assert.IsFalse(memory.Equals(table));
        Assert.AreEqual(table.GetHashCode(), new TableType(ValType.ExternRef, new Limits(0, 4)).GetHashCode());
        Assert.AreEqual(memory.GetHashCode(), new MemoryType(new Limits(2)).GetHashCode());
        Assert.AreEqual(ExternKind.Global, global.Kind);
        Assert.AreEqual(ExternKind.Table, table.Kind);
        Assert.AreEqual(ExternKind.Memory, memory.Kind);
    }

    [TestMethod]
    public void TypesExposeTheirParts()
    {
        var func = FuncType.Of([ValKind.I32, ValKind.F32], [ValKind.I64]);
        CollectionAssert.AreEqual(new[] { ValType.I32, ValType.F32 }, func.Parameters.ToArray());
        CollectionAssert.AreEqual(new[] { ValType.I64 }, func.Results.ToArray());
        Assert.AreEqual(0, FuncType.Of([], []).Parameters.Count);

        var global = new GlobalType(ValType.F32, Mutability.Var);
        Assert.AreSame(ValType.F32, global.Content);
        Assert.AreEqual(Mutability.Var, global.Mutability);

        var table = new TableType(ValType.FuncRef, new Limits(1, 10));
        Assert.AreSame(ValType.FuncRef, table.Element);
        Assert.AreEqual(new Limits(1, 10), table.Limits);
        Assert.AreEqual("element", Assert.ThrowsExactly<ArgumentNullException>(() => new TableType(null!, new Limits(1))).ParamName);
        Assert.AreEqual("element", Assert.ThrowsExactly<ArgumentException>(() => new TableType(ValType.F64, new Limits(1))).ParamName);

        var memory = new MemoryType(new Limits(3, 7));
        Assert.AreEqual(3u, memory.Limits.Minimum);
        Assert.AreEqual(7u, memory.Limits.Maximum);
        Assert.AreEqual("content", Assert.ThrowsExactly<ArgumentNullException>(() => new GlobalType(null!, Mutability.Const)).ParamName);
    }

    [TestMethod]
    public void LimitsCompareByMinimumAndMaximum()
    {
        var limits = new Limits(2, 9);
        Assert.AreEqual(2u, limits.Minimum);
        Assert.AreEqual(9u, limits.Maximum);
        Assert.IsNull(new Limits(2).Maximum);
        Assert.IsTrue(limits.Equals(new Limits(2, 9)));
        Assert.IsFalse(limits.Equals(new Limits(3, 9)));
        Assert.IsFalse(limits.Equals(new Limits(2)));
        Assert.IsTrue(limits.Equals((object)new Limits(2, 9)));
        Assert.IsFalse(limits.Equals((object)"2 9"));
        Assert.AreEqual(limits.GetHashCode(), new Limits(2, 9).GetHashCode());
        Assert.AreEqual("2", new Limits(2).ToString());
        Assert.AreEqual(new Limits(5, 5), new Limits(5, 5), "a maximum equal to the minimum is allowed");
        Assert.AreEqual("maximum", Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new Limits(1, 0)).ParamName);
    }

    [TestMethod]
    public void ImportAndExportTypesCompareByAllTheirParts()
    {
        var import = new ImportType("env", "f", FuncType.Of([], []));
        Assert.AreEqual("env", import.Module);
        Assert.AreEqual("f", import.Name);
        Assert.AreEqual(FuncType.Of([], []), import.Type);
        Assert.IsTrue(import.Equals(new ImportType("env", "f", FuncType.Of([], []))));
        Assert.IsFalse(import.Equals(new ImportType("other", "f", FuncType.Of([], []))));
        Assert.IsFalse(import.Equals(new ImportType("env", "f", FuncType.Of([ValKind.I32], []))));
        Assert.IsFalse(import.Equals((ImportType?)null));
        Assert.IsFalse(import.Equals((object)"env::f"));
        Assert.AreEqual(import.GetHashCode(), new ImportType("env", "f", FuncType.Of([], [])).GetHashCode());
        Assert.AreEqual("name", Assert.ThrowsExactly<ArgumentNullException>(() => new ImportType("env", null!, import.Type)).ParamName);
        Assert.AreEqual("type", Assert.ThrowsExactly<ArgumentNullException>(() => new ImportType("env", "f", null!)).ParamName);
        Assert.AreEqual("module", Assert.ThrowsExactly<ArgumentNullException>(() => new ImportType(null!, "f", import.Type)).ParamName);

        var export = new ExportType("g", new GlobalType(ValType.I32, Mutability.Const));
        Assert.AreEqual("g", export.Name);
        Assert.AreEqual(new GlobalType(ValType.I32, Mutability.Const), export.Type);
        Assert.IsTrue(export.Equals(new ExportType("g", new GlobalType(ValType.I32, Mutability.Const))));
        Assert.IsFalse(export.Equals(new ExportType("h", new GlobalType(ValType.I32, Mutability.Const))));
        Assert.IsFalse(export.Equals(new ExportType("g", new GlobalType(ValType.I32, Mutability.Var))));
        Assert.IsFalse(export.Equals((ExportType?)null));
        Assert.IsTrue(export.Equals((object)new ExportType("g", new GlobalType(ValType.I32, Mutability.Const))));
        Assert.AreEqual("name", Assert.ThrowsExactly<ArgumentNullException>(() => new ExportType(null!, export.Type)).ParamName);
        Assert.AreEqual("type", Assert.ThrowsExactly<ArgumentNullException>(() => new ExportType("g", null!)).ParamName);
    }

    [TestMethod]
    public void TypesAreReadFromModulesInWamrsImportOrder()
    {
        Module module = Load("globals");
        // WAMR lists imports grouped by kind; both are globals here, in binary order.
        Assert.AreEqual(2, module.Imports.Count);
        Assert.AreEqual(new ImportType("env", "imported", new GlobalType(ValType.I32, Mutability.Var)), module.Imports[0]);
        Assert.AreEqual(new ImportType("env", "factor", new GlobalType(ValType.F64, Mutability.Const)), module.Imports[1]);
        Assert.AreEqual("(export \"var_i64\" (global (mut i64)))", module.Exports[1].ToString());
        Assert.AreEqual(new GlobalType(ValType.FuncRef, Mutability.Var), module.Exports[4].Type);

        Module table = Load("table");
        Assert.AreEqual(new TableType(ValType.FuncRef, new Limits(4, 8)), table.Exports[0].Type);
        // Declared as (table 2 externref): WAMR 1.1.2 reports a table without a maximum with its own cap, 1024.
        Assert.AreEqual("(table 2 1024 externref)", table.Exports[1].Type.ToString());
        Assert.AreEqual(new MemoryType(new Limits(1, 3)), Load("memory").Exports[0].Type);
    }
}
