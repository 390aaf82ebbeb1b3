using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;

using Wamr.SourceGen.Model;
using Wamr.SourceGen.Text;

namespace Wamr.SourceGen.Preprocessing;

/// <summary>A macro as the preprocessor keeps it while expanding.</summary>
internal sealed class Macro
{
    public Macro(
        string name,
        bool isFunctionLike,
        IReadOnlyList<string> parameters,
        bool isVariadic,
        IReadOnlyList<Token> body,
        SourceLocation location,
        string? doc,
        bool isUser)
    {
        Name = name;
        IsFunctionLike = isFunctionLike;
        Parameters = parameters;
        IsVariadic = isVariadic;
        Body = body;
        Location = location;
        Doc = doc;
        IsUser = isUser;

        ParameterIndex = new int[body.Count];
        for (int i = 0; i < body.Count; i++)
        {
            ParameterIndex[i] = -1;
            if (isFunctionLike && body[i].Kind == TokenKind.Identifier)
            {
                for (int p = 0; p < parameters.Count; p++)
                {
                    if (string.Equals(parameters[p], body[i].Text, StringComparison.Ordinal))
                    {
                        ParameterIndex[i] = p;
                        break;
                    }
                }
            }
        }
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>Whether it takes arguments.</summary>
    public bool IsFunctionLike { get; }

    /// <summary>The parameter names; the variadic one is the last (<c>__VA_ARGS__</c> for <c>...</c>).</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>Whether the last parameter takes the remaining arguments.</summary>
    public bool IsVariadic { get; }

    /// <summary>The replacement list.</summary>
    public IReadOnlyList<Token> Body { get; }

    /// <summary>For each body token, the index of the parameter it names, or -1.</summary>
    public int[] ParameterIndex { get; }

    /// <summary>Where the name was written in <c>#define</c>.</summary>
    public SourceLocation Location { get; }

    /// <summary>The comment before the <c>#define</c>.</summary>
    public string? Doc { get; }

    /// <summary>Whether a header given to the generator defined it (not a built-in or predefined macro).</summary>
    public bool IsUser { get; }

    /// <summary>Order of definition, set by the macro table.</summary>
    public int Sequence { get; set; }

    /// <summary>Whether <paramref name="other"/> is the same definition in the sense of C (a benign redefinition).</summary>
    public bool SameDefinitionAs(Macro other)
    {
        if (IsFunctionLike != other.IsFunctionLike || IsVariadic != other.IsVariadic
            || Parameters.Count != other.Parameters.Count || Body.Count != other.Body.Count)
        {
            return false;
        }

        for (int i = 0; i < Parameters.Count; i++)
        {
            if (!string.Equals(Parameters[i], other.Parameters[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        for (int i = 0; i < Body.Count; i++)
        {
            if (!string.Equals(Body[i].Text, other.Body[i].Text, StringComparison.Ordinal)
                || (i > 0 && Body[i].HasLeadingSpace != other.Body[i].HasLeadingSpace))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The macro as the model records it.</summary>
    public MacroDefinition ToDefinition()
    {
        var texts = ImmutableArray.CreateBuilder<string>(Body.Count);
        var joined = new StringBuilder();
        foreach (Token t in Body)
        {
            if (joined.Length > 0)
            {
                joined.Append(' ');
            }

            joined.Append(t.Text);
            texts.Add(t.Text);
        }

        return new MacroDefinition(
            Name,
            IsFunctionLike,
            new EquatableArray<string>(ImmutableArray.CreateRange(Parameters)),
            joined.ToString(),
            new EquatableArray<string>(texts.MoveToImmutable()),
            Location,
            Doc);
    }
}
