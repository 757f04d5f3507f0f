namespace System.IO
{
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    [Flags]
    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    [Flags]
    public enum FileShare
    {
        None = 0,
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    [Flags]
    public enum FileAttributes
    {
        ReadOnly = 0x01,
        Hidden = 0x02,
        System = 0x04,
        Directory = 0x10,
        Archive = 0x20,
        Normal = 0x80,
    }

    // System.IO.FileSystem/File.cs: Move refuses an existing destination (it does not replace).
    public static class File
    {
        public static void Copy(string sourceFileName, string destFileName) { }
        public static void Copy(string sourceFileName, string destFileName, bool overwrite) { }
        public static FileStream Create(string path) { throw null; }
        public static void Delete(string path) { }
        public static bool Exists(string path) { throw null; }
        public static void Move(string sourceFileName, string destFileName) { }
        public static FileAttributes GetAttributes(string path) { throw null; }
        public static void SetAttributes(string path, FileAttributes fileAttributes) { }
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) { }
        public FileStream(string path, FileMode mode, FileAccess access) { }
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share) { }
        public FileStream(string path, FileMode mode, FileAccess access, FileShare share, int bufferSize) { }
        public override bool CanRead { get { throw null; } }
        public override bool CanSeek { get { throw null; } }
        public override bool CanWrite { get { throw null; } }
        public override long Length { get { throw null; } }
        public override long Position { get { throw null; } set { } }
        public string Name { get { throw null; } }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) { throw null; }
        public override int Read(SpanByte buffer) { throw null; }
        public override long Seek(long offset, SeekOrigin origin) { throw null; }
        public override void SetLength(long value) { }
        public override void Write(byte[] buffer, int offset, int count) { }
        protected override void Dispose(bool disposing) { }
    }

    public sealed class DirectoryInfo
    {
        public DirectoryInfo(string path) { }
        public string FullName { get { throw null; } }
        public string Name { get { throw null; } }
        public bool Exists { get { throw null; } }
    }

    public static class Directory
    {
        public static DirectoryInfo CreateDirectory(string path) { throw null; }
        public static void Delete(string path) { }
        public static void Delete(string path, bool recursive) { }
        public static bool Exists(string path) { throw null; }
        public static string[] GetFiles(string path) { throw null; }
        public static string[] GetDirectories(string path) { throw null; }
        public static string[] GetLogicalDrives() { throw null; }
        public static void Move(string sourceDirName, string destDirName) { }
    }

    public static class Path
    {
        public static readonly char DirectorySeparatorChar = '\\';
        public static string Combine(string path1, string path2) { throw null; }
        public static string GetDirectoryName(string path) { throw null; }
        public static string GetExtension(string path) { throw null; }
        public static string GetFileName(string path) { throw null; }
        public static string GetFileNameWithoutExtension(string path) { throw null; }
        public static string GetPathRoot(string path) { throw null; }
    }
}
