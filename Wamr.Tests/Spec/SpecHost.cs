namespace Wamr.Tests.Spec;

/// <summary>
/// The <c>spectest</c> module the testsuite imports from, built from the façade's host objects: the <c>print*</c>
/// functions (which print nothing) and the four constant globals (666 and 666.6). Its <c>table</c> and
/// <c>memory</c> are not defined: WAMR 1.1.2 refuses table and memory imports (see
/// <c>repros/memory-table-import.c</c>), and the façade offers no host-made tables or memories for that reason, so
/// a module importing them fails to link, with that reason.
/// </summary>
public static class SpecHost
{
    /// <summary>Defines <c>spectest</c>'s functions and globals in <paramref name="linker"/>.</summary>
    public static void Define(Linker linker, Store store)
    {
        Print(linker, store, "print");
        Print(linker, store, "print_i32", ValKind.I32);
        Print(linker, store, "print_i64", ValKind.I64);
        Print(linker, store, "print_f32", ValKind.F32);
        Print(linker, store, "print_f64", ValKind.F64);
        Print(linker, store, "print_i32_f32", ValKind.I32, ValKind.F32);
        Print(linker, store, "print_f64_f64", ValKind.F64, ValKind.F64);
        Constant(linker, store, "global_i32", Val.I32(666));
        Constant(linker, store, "global_i64", Val.I64(666));
        Constant(linker, store, "global_f32", Val.F32(666.6f));
        Constant(linker, store, "global_f64", Val.F64(666.6));
    }

    private static void Print(Linker linker, Store store, string name, params ValKind[] parameters)
    {
        Func print = Func.FromCallback(store, FuncType.Of(parameters, []), static (_, _) => { });
        linker.Define("spectest", name, print);
    }

    private static void Constant(Linker linker, Store store, string name, Val value) =>
        linker.Define("spectest", name, Global.Create(store, new GlobalType(ValType.Of(value.Kind), Mutability.Const), value));
}
