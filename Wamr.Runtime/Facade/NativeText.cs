using System;
using System.Text;

using Wamr.Interop;

namespace Wamr;

/// <summary>Text in and out of WAMR's byte vectors.</summary>
internal static unsafe class NativeText
{
    /// <summary>A name or message as a string: UTF-8, without the terminating NUL that WAMR often counts in the size.</summary>
    internal static string Read(wasm_byte_vec_t* vec)
    {
        if (vec == null || vec->data == null || vec->size == 0)
        {
            return string.Empty;
        }

        var bytes = new ReadOnlySpan<byte>(vec->data, checked((int)vec->size));
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            bytes = bytes[..nul];
        }

        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>A name quoted as in the text format: <c>"env"</c>.</summary>
    internal static string Quote(string name)
    {
        var text = new StringBuilder(name.Length + 2).Append('"');
        foreach (char c in name)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case < ' ':
                    text.Append('\\').Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
