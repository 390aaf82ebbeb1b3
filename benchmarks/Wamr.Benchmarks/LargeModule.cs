using System.Collections.Generic;

namespace Wamr.Benchmarks;

/// <summary>
/// A valid module of a chosen size for the load and validate benchmarks: many functions of type
/// <c>() → i32</c> whose bodies push and drop constants. Deterministic, so the C baseline loads the same bytes.
/// </summary>
public static class LargeModule
{
    /// <summary>The default size, about 1 MiB.</summary>
    public const int DefaultSize = 1 << 20;

    /// <summary>Builds a module of at least <paramref name="minimumBytes"/> bytes.</summary>
    /// <param name="minimumBytes">The smallest acceptable size.</param>
    /// <returns>The module's binary.</returns>
    public static byte[] Build(int minimumBytes = DefaultSize)
    {
        const int ConstantsPerBody = 80;
        var bodies = new List<byte[]>();
        int total = 0;
        for (int i = 0; total < minimumBytes; i++)
        {
            var body = new List<byte> { 0x00 }; // no locals
            for (int j = 0; j < ConstantsPerBody; j++)
            {
                body.Add(0x41); // i32.const
                WriteSigned(body, (i * 100) + j);
                body.Add(0x1A); // drop
            }

            body.AddRange(new byte[] { 0x41, 0x00, 0x0B }); // i32.const 0, end
            var sized = new List<byte>();
            WriteUnsigned(sized, (uint)body.Count);
            sized.AddRange(body);
            bodies.Add(sized.ToArray());
            total += sized.Count + 1;
        }

        var module = new List<byte> { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00 };
        Section(module, 1, [0x01, 0x60, 0x00, 0x01, 0x7F]); // one type: () -> i32

        var functions = new List<byte>();
        WriteUnsigned(functions, (uint)bodies.Count);
        foreach (byte[] _ in bodies)
        {
            functions.Add(0x00);
        }

        Section(module, 3, functions);

        var code = new List<byte>();
        WriteUnsigned(code, (uint)bodies.Count);
        foreach (byte[] body in bodies)
        {
            code.AddRange(body);
        }

        Section(module, 10, code);
        return module.ToArray();
    }

    private static void Section(List<byte> module, byte id, IReadOnlyCollection<byte> payload)
    {
        module.Add(id);
        WriteUnsigned(module, (uint)payload.Count);
        module.AddRange(payload);
    }

    private static void WriteUnsigned(List<byte> output, uint value)
    {
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            output.Add(value != 0 ? (byte)(b | 0x80) : b);
        }
        while (value != 0);
    }

    private static void WriteSigned(List<byte> output, int value)
    {
        while (true)
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bool done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            output.Add(done ? b : (byte)(b | 0x80));
            if (done)
            {
                return;
            }
        }
    }
}
