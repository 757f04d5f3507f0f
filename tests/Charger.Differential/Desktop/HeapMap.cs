using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Charger.Differential
{
    /// <summary>
    /// Where the station's heap goes, by component: walks the object graph under the station on desktop
    /// .NET and prices each object as the 32-bit nanoCLR stores it (every object and every field is a
    /// 12-byte heap block; arrays of references and structs take a block per element; primitive arrays
    /// and strings take their bytes, rounded up to blocks; string literals live in the assembly, not the
    /// heap). An estimate, calibrated against the nanoCLR run's measured total (README), that names the
    /// fields to shrink. Run: dotnet run --project tests/Charger.Differential -- --heap-map
    /// </summary>
    public static class HeapMap
    {
        private const int Block = 12;

        /// <param name="parts">The components to charge first, in order; what they share is charged to the first.</param>
        public static void Print(object root, (string Name, object Value)[] parts, int depth)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            seen.Add(root);
            var rows = new List<(string Path, long Bytes)>();
            long total = Own(root);
            foreach (var (name, child) in parts.Concat(Children(root)))
            {
                Walk(name, child, depth - 1, seen, rows, out long sub);
                total += sub;
            }

            Console.WriteLine($"{"estimated nanoCLR 32-bit heap",-70} {total,9} bytes");
            foreach (var row in rows.Where(r => r.Bytes >= 512).OrderBy(r => r.Path, StringComparer.Ordinal))
            {
                Console.WriteLine($"{row.Path,-70} {row.Bytes,9}");
            }
        }

        private static void Walk(string path, object obj, int depth, HashSet<object> seen, List<(string, long)> rows, out long bytes)
        {
            bytes = 0;
            if (obj == null || !seen.Add(obj))
            {
                return;
            }

            bytes = Own(obj);
            foreach (var (name, child) in Children(obj))
            {
                Walk(path + "." + name, child, depth - 1, seen, depth > 0 ? rows : null, out long sub);
                bytes += sub;
            }

            rows?.Add((path, bytes));
        }

        private static long Own(object obj)
        {
            Type t = obj.GetType();
            if (obj is string s)
            {
                return string.IsInterned(s) != null ? 0 : Round(Block + System.Text.Encoding.UTF8.GetByteCount(s) + 1);
            }

            if (t.IsArray)
            {
                var a = (Array)obj;
                Type e = t.GetElementType();
                long elements = e.IsPrimitive || e.IsEnum ? (long)a.Length * ElementBytes(e) : (long)a.Length * Block;
                return Block + Round(elements);
            }

            if (obj is Delegate)
            {
                return 3 * Block;
            }

            if (obj is Hashtable h)
            {
                // nanoFramework's Hashtable: the object, a bucket array, one entry object per item.
                return 6 * Block + Round(Block + h.Count * 2 * Block) + h.Count * 4 * Block;
            }

            if (obj is ArrayList l)
            {
                return 4 * Block + Block + Round(l.Capacity * Block);
            }

            if (obj is System.Text.StringBuilder sb)
            {
                return 5 * Block + Round(Block + sb.Capacity);
            }

            return (1 + InstanceFields(t).Count()) * Block;
        }

        private static IEnumerable<(string, object)> Children(object obj)
        {
            if (obj is string || obj is Delegate || obj is Type || obj is System.Text.StringBuilder)
            {
                yield break;
            }

            if (obj is Hashtable h)
            {
                foreach (DictionaryEntry entry in h)
                {
                    yield return ("[" + entry.Key + "]", entry.Value);
                    yield return ("[key]", entry.Key);
                }

                yield break;
            }

            if (obj is ArrayList l)
            {
                for (int i = 0; i < l.Count; i++)
                {
                    yield return ("[" + i + "]", l[i]);
                }

                yield break;
            }

            if (obj is Array a)
            {
                if (a.GetType().GetElementType().IsPrimitive)
                {
                    yield break;
                }

                int i = 0;
                foreach (object item in a)
                {
                    yield return ("[" + i++ + "]", item);
                }

                yield break;
            }

            foreach (FieldInfo f in InstanceFields(obj.GetType()))
            {
                object value = f.GetValue(obj);
                if (value != null && (!f.FieldType.IsValueType || f.FieldType.IsGenericType == false && !f.FieldType.IsPrimitive && !f.FieldType.IsEnum))
                {
                    yield return (f.Name.TrimStart('_').Replace("<", "").Replace(">k__BackingField", ""), value);
                }
            }
        }

        private static IEnumerable<FieldInfo> InstanceFields(Type t)
        {
            for (Type c = t; c != null && c != typeof(object); c = c.BaseType)
            {
                foreach (FieldInfo f in c.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                {
                    yield return f;
                }
            }
        }

        private static int ElementBytes(Type e) => e == typeof(bool) || e == typeof(byte) || e == typeof(sbyte) ? 1
            : e == typeof(short) || e == typeof(ushort) || e == typeof(char) ? 2
            : e == typeof(long) || e == typeof(ulong) || e == typeof(double) ? 8 : 4;

        private static long Round(long bytes) => (bytes + Block - 1) / Block * Block;
    }
}
