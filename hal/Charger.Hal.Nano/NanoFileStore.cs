using System.Collections;
using System.IO;
using Charger.Hal;

namespace Charger.Hal.Nano
{
    /// <summary>
    /// Records as files in one folder of a nanoFramework drive (ESP32: internal LittleFS at I:).
    ///
    /// Atomic replace: File.Move refuses an existing destination (System.IO.FileSystem/File.cs), so a
    /// plain "write temp, rename over" is not available. WriteAtomic therefore
    ///   1. deletes a stale temporary, 2. writes and closes name + TempSuffix,
    ///   3. deletes the old record, 4. renames the temporary to the record.
    /// A power cut leaves one of: old record + partial/complete temporary (before 3: the old record
    /// wins, the temporary is dropped), or only a complete temporary (between 3 and 4: it is the new
    /// record and is promoted). Every read, list and delete repairs the state first, so callers only
    /// ever see the old or the new content.
    /// </summary>
    public sealed class NanoFileStore : IFileStore
    {
        /// <summary>Appended to a record name while its new content is written; record names may not end with it.</summary>
        public const string TempSuffix = ".new~";

        private readonly string _directory;
        private readonly string _separator;

        /// <param name="directory">Folder for the records, e.g. I:\charger. Created when missing.</param>
        public NanoFileStore(string directory)
        {
            if (directory == null || directory.Length == 0)
            {
                throw new System.ArgumentException("the file store needs a folder such as I:\\charger");
            }

            // nanoFramework drives use '\'; a '/' folder is accepted so the desktop tests can run this class.
            _separator = directory.IndexOf('/') >= 0 ? "/" : "\\";
            _directory = directory.EndsWith(_separator) ? directory.Substring(0, directory.Length - 1) : directory;
            if (!Directory.Exists(_directory))
            {
                Directory.CreateDirectory(_directory);
            }
        }

        public string Folder
        {
            get { return _directory; }
        }

        public bool Exists(string name)
        {
            ValidateName(name);
            Repair(name);
            return File.Exists(PathOf(name));
        }

        public byte[] Read(string name)
        {
            ValidateName(name);
            Repair(name);
            string path = PathOf(name);
            if (!File.Exists(path))
            {
                return null;
            }

            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                byte[] data = new byte[(int)stream.Length];
                int read = 0;
                while (read < data.Length)
                {
                    int n = stream.Read(data, read, data.Length - read);
                    if (n <= 0)
                    {
                        throw new IOException("file store record " + name + " ended after " + read + " of " + data.Length + " bytes");
                    }

                    read += n;
                }

                return data;
            }
        }

        public void WriteAtomic(string name, byte[] data, int length)
        {
            ValidateName(name);
            if (data == null)
            {
                throw new System.ArgumentNullException("data");
            }

            if (length < 0 || length > data.Length)
            {
                throw new System.ArgumentOutOfRangeException("length", "outside the buffer");
            }

            Repair(name);
            string path = PathOf(name);
            string temp = path + TempSuffix;
            try
            {
                using (FileStream stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
                {
                    stream.Write(data, 0, length);
                    stream.Flush();
                }
            }
            catch (IOException ex)
            {
                // The old record is untouched; drop the partial temporary so it cannot be promoted.
                DeleteIfPresent(temp);
                throw new StorageFullException("file store could not write " + name + " (" + length + " bytes): " + ex.Message);
            }

            DeleteIfPresent(path);
            File.Move(temp, path);
        }

        public bool Delete(string name)
        {
            ValidateName(name);
            Repair(name);
            string path = PathOf(name);
            bool existed = File.Exists(path);
            if (existed)
            {
                File.Delete(path);
            }

            return existed;
        }

        public string[] List(string prefix)
        {
            string[] files = Directory.GetFiles(_directory);
            ArrayList names = new ArrayList();
            for (int i = 0; i < files.Length; i++)
            {
                string name = FileNameOf(files[i]);
                if (name.EndsWith(TempSuffix))
                {
                    // An orphan temporary is a record whose replace was cut between delete and rename.
                    string record = name.Substring(0, name.Length - TempSuffix.Length);
                    Repair(record);
                    if (File.Exists(PathOf(record)) && !Contains(names, record) && record.StartsWith(prefix))
                    {
                        InsertOrdered(names, record);
                    }

                    continue;
                }

                if (name.StartsWith(prefix) && !Contains(names, name))
                {
                    InsertOrdered(names, name);
                }
            }

            string[] result = new string[names.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = (string)names[i];
            }

            return result;
        }

        private void Repair(string name)
        {
            string path = PathOf(name);
            string temp = path + TempSuffix;
            if (!File.Exists(temp))
            {
                return;
            }

            if (File.Exists(path))
            {
                // Cut before the old record was deleted: the old record is the content.
                File.Delete(temp);
            }
            else
            {
                // Cut after the old record was deleted: the temporary was complete and is the content.
                File.Move(temp, path);
            }
        }

        private string PathOf(string name)
        {
            return _directory + _separator + name;
        }

        private static void DeleteIfPresent(string path)
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }

        private static string FileNameOf(string path)
        {
            int slash = path.LastIndexOf('\\');
            int forward = path.LastIndexOf('/');
            int cut = slash > forward ? slash : forward;
            return cut < 0 ? path : path.Substring(cut + 1);
        }

        private static void ValidateName(string name)
        {
            if (name == null || name.Length == 0)
            {
                throw new System.ArgumentException("a record needs a name");
            }

            if (name.EndsWith(TempSuffix))
            {
                throw new System.ArgumentException("record names may not end with " + TempSuffix + ": " + name);
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c == '/' || c == '\\' || c == ':' || c < ' ' || c > '~')
                {
                    throw new System.ArgumentException("record names are printable ASCII without path separators: " + name);
                }
            }
        }

        private static bool Contains(ArrayList names, string name)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if ((string)names[i] == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static void InsertOrdered(ArrayList names, string name)
        {
            int i = names.Count;
            while (i > 0 && OrdinalCompare((string)names[i - 1], name) > 0)
            {
                i--;
            }

            names.Insert(i, name);
        }

        // string.CompareOrdinal is not in nanoFramework's mscorlib.
        private static int OrdinalCompare(string a, string b)
        {
            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
            {
                if (a[i] != b[i])
                {
                    return a[i] - b[i];
                }
            }

            return a.Length - b.Length;
        }
    }
}
