using System.Text;

namespace Charger.BundleTool;

/// <summary>
/// The name and assembly references of a nanoFramework .pe (NFMRK1, metadata processor v3), read
/// from its header the way nf-interpreter's CLR_RECORD_ASSEMBLY lays it out: version at 0x1C, name
/// string id at 0x24, the 16 table offsets at 0x28 and their paddings after them; table 0 holds the
/// assembly references (12 bytes each, the name's string id first), table 11 the strings. Names that
/// live in the runtime's built-in string table (library names such as mscorlib) come back as null:
/// only references between a bundle's own files matter for the load order.
/// </summary>
public sealed record PeImage(string Name, IReadOnlyList<string> References)
{
    private const int TableOffsets = 0x28;
    private const int TablePaddings = TableOffsets + (16 * 4) + 4;
    private const int AssemblyRefTable = 0;
    private const int StringTable = 11;

    public static PeImage TryRead(byte[] pe)
    {
        if (pe.Length < TablePaddings + 16 || Encoding.ASCII.GetString(pe, 0, 6) != "NFMRK1")
        {
            return null;
        }

        (int Start, int End) Table(int index)
        {
            int start = BitConverter.ToInt32(pe, TableOffsets + (4 * index));
            int end = BitConverter.ToInt32(pe, TableOffsets + (4 * (index + 1))) - pe[TablePaddings + index];
            if (start < 0 || end < start || end > pe.Length)
            {
                throw new InvalidDataException("corrupt .pe table offsets");
            }

            return (start, end);
        }

        var strings = Table(StringTable);
        string Text(int id)
        {
            if (id >= strings.End - strings.Start)
            {
                return null;
            }

            int at = strings.Start + id;
            int end = Array.IndexOf(pe, (byte)0, at, strings.End - at);
            return end < 0 ? null : Encoding.UTF8.GetString(pe, at, end - at);
        }

        var refs = Table(AssemblyRefTable);
        var references = new List<string>();
        for (int at = refs.Start; at + 12 <= refs.End; at += 12)
        {
            var name = Text(BitConverter.ToUInt16(pe, at));
            if (name != null)
            {
                references.Add(name);
            }
        }

        return new PeImage(Text(BitConverter.ToUInt16(pe, 0x24)), references);
    }

    /// <summary>
    /// <paramref name="files"/> (name to bytes) in an order where each .pe comes after the bundle
    /// files it references; otherwise ordinal. A reference cycle is an error.
    /// </summary>
    public static List<string> LoadOrder(IReadOnlyDictionary<string, byte[]> files)
    {
        var assemblyToFile = new Dictionary<string, string>();
        var images = new Dictionary<string, PeImage>();
        foreach (var (file, bytes) in files)
        {
            var image = TryRead(bytes);
            if (image?.Name != null)
            {
                images[file] = image;
                assemblyToFile[image.Name] = file;
            }
        }

        var order = new List<string>();
        var state = new Dictionary<string, int>(); // 1 visiting, 2 done
        void Visit(string file, Stack<string> path)
        {
            if (state.TryGetValue(file, out int s))
            {
                if (s == 1)
                {
                    throw new InvalidDataException("reference cycle: " + string.Join(" -> ", path.Reverse().Append(file)));
                }

                return;
            }

            state[file] = 1;
            path.Push(file);
            if (images.TryGetValue(file, out var image))
            {
                foreach (var reference in image.References.OrderBy(r => r, StringComparer.Ordinal))
                {
                    if (assemblyToFile.TryGetValue(reference, out var dependency) && dependency != file)
                    {
                        Visit(dependency, path);
                    }
                }
            }

            path.Pop();
            state[file] = 2;
            order.Add(file);
        }

        foreach (var file in files.Keys.OrderBy(f => f, StringComparer.Ordinal))
        {
            Visit(file, new Stack<string>());
        }

        return order;
    }
}
