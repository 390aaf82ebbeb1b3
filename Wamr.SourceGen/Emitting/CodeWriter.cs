using System;
using System.Text;

namespace Wamr.SourceGen.Emitting;

/// <summary>Writes C# text with indentation (no syntax trees, so emitted text is cheap and cacheable).</summary>
public sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>Writes one line at the current indentation (an empty line stays empty).</summary>
    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _text.Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> and an opening brace, and indents until the returned scope is disposed.</summary>
    public IDisposable Block(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new Scope(this);
    }

    /// <summary>Writes a <c>///</c> comment block for each line of <paramref name="xml"/>.</summary>
    public CodeWriter Doc(string xml)
    {
        foreach (string line in xml.Split('\n'))
        {
            Line("/// " + line.TrimEnd());
        }

        return this;
    }

    /// <inheritdoc />
    public override string ToString() => _text.ToString();

    private sealed class Scope : IDisposable
    {
        private readonly CodeWriter _writer;

        public Scope(CodeWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}");
        }
    }
}
