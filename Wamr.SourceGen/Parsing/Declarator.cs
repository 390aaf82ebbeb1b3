using System.Collections.Generic;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Preprocessing;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Parsing;

/// <summary>
/// A parsed declarator: the declared name (null when abstract) and the derivations (pointer, array, function)
/// that turn the declaration specifiers' type into the declared type, innermost first.
/// </summary>
internal sealed class Declarator
{
    public Declarator(Token? name, List<DeclaratorOp> ops)
    {
        NameToken = name;
        Ops = ops;
    }

    public Token? NameToken { get; }

    public string? Name => NameToken?.Text;

    /// <summary>The derivations in the order they apply to the base type.</summary>
    public List<DeclaratorOp> Ops { get; }

    /// <summary>Whether it declares a function (its outermost derivation is a parameter list).</summary>
    public bool IsFunction => Ops.Count > 0 && Ops[Ops.Count - 1] is DeclaratorOp.Function;

    /// <summary>The declared type, given the specifiers' type.</summary>
    public CType Apply(CType baseType) => Apply(baseType, Ops.Count);

    /// <summary>The type after the first <paramref name="count"/> derivations.</summary>
    public CType Apply(CType baseType, int count)
    {
        CType type = baseType;
        for (int i = 0; i < count; i++)
        {
            type = Ops[i].Apply(type);
        }

        return type;
    }
}

/// <summary>One derivation of a declarator.</summary>
internal abstract class DeclaratorOp
{
    public abstract CType Apply(CType inner);

    /// <summary><c>*</c>, maybe <c>const</c>.</summary>
    public sealed class Pointer : DeclaratorOp
    {
        public Pointer(bool isConst) => IsConst = isConst;

        public bool IsConst { get; }

        public override CType Apply(CType inner) => new CPointerType(inner, IsConst);
    }

    /// <summary><c>[N]</c> or <c>[]</c>.</summary>
    public sealed class Array : DeclaratorOp
    {
        public Array(long? length) => Length = length;

        public long? Length { get; }

        public override CType Apply(CType inner) => new CArrayType(inner, Length);
    }

    /// <summary>A parameter list.</summary>
    public sealed class Function : DeclaratorOp
    {
        public Function(EquatableArray<CParameter> parameters, bool isVariadic)
        {
            Parameters = parameters;
            IsVariadic = isVariadic;
        }

        public EquatableArray<CParameter> Parameters { get; }

        public bool IsVariadic { get; }

        public override CType Apply(CType inner) => new CFunctionType(inner, Parameters, IsVariadic);
    }
}
