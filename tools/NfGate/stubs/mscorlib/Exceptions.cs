namespace System
{
    public class Exception
    {
        public Exception() { }
        public Exception(string message) { }
        public Exception(string message, Exception innerException) { }
        public virtual string Message { get { throw null; } }
        public Exception InnerException { get { throw null; } }
        public virtual string StackTrace { get { throw null; } }
        public override string ToString() { throw null; }
    }

    public class SystemException : Exception
    {
        public SystemException() { }
        public SystemException(string message) { }
        public SystemException(string message, Exception innerException) { }
    }

    public class ApplicationException : Exception
    {
        public ApplicationException() { }
        public ApplicationException(string message) { }
        public ApplicationException(string message, Exception innerException) { }
    }

    public class ArgumentException : SystemException
    {
        public ArgumentException() { }
        public ArgumentException(string message) { }
        public ArgumentException(string message, Exception innerException) { }
        public ArgumentException(string message, string paramName, Exception innerException) { }
        public ArgumentException(string message, string paramName) { }
        public override string Message { get { throw null; } }
        public virtual string ParamName { get { throw null; } }
    }

    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() { }
        public ArgumentNullException(string argument) { }
        public ArgumentNullException(string paramName, string message) { }
        public ArgumentNullException(string message, Exception innerException) { }
    }

    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() { }
        public ArgumentOutOfRangeException(string paramName) { }
        public ArgumentOutOfRangeException(string paramName, string message) { }
    }

    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() { }
        public IndexOutOfRangeException(string message) { }
        public IndexOutOfRangeException(string message, Exception innerException) { }
    }

    public class InvalidCastException : SystemException
    {
        public InvalidCastException() { }
        public InvalidCastException(string message) { }
        public InvalidCastException(string message, Exception innerException) { }
    }

    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { }
        public InvalidOperationException(string message) { }
        public InvalidOperationException(string message, Exception innerException) { }
    }

    public class NotImplementedException : SystemException
    {
        public NotImplementedException() { }
        public NotImplementedException(string message) { }
        public NotImplementedException(string message, Exception inner) { }
    }

    public class NotSupportedException : SystemException
    {
        public NotSupportedException() { }
        public NotSupportedException(string message) { }
        public NotSupportedException(string message, Exception innerException) { }
    }

    public class NullReferenceException : SystemException
    {
        public NullReferenceException() { }
        public NullReferenceException(string message) { }
        public NullReferenceException(string message, Exception innerException) { }
    }

    public class ObjectDisposedException : InvalidOperationException
    {
        public ObjectDisposedException() { }
        public ObjectDisposedException(string objectName) { }
        public ObjectDisposedException(string objectName, string message) { }
    }

    public sealed class OutOfMemoryException : SystemException
    {
        public OutOfMemoryException() { }
        public OutOfMemoryException(string message) { }
        public OutOfMemoryException(string message, Exception innerException) { }
    }

    public class FormatException : SystemException
    {
        public FormatException() { }
        public FormatException(string message) { }
        public FormatException(string message, Exception innerException) { }
    }

    public class PlatformNotSupportedException : NotSupportedException
    {
        public PlatformNotSupportedException() { }
        public PlatformNotSupportedException(string message) { }
        public PlatformNotSupportedException(string message, Exception inner) { }
    }

    public class ArrayTypeMismatchException : SystemException
    {
        public ArrayTypeMismatchException() { }
        public ArrayTypeMismatchException(string message) { }
        public ArrayTypeMismatchException(string message, Exception innerException) { }
    }
}

namespace System.IO
{
    public class IOException : SystemException
    {
        public enum IOExceptionErrorCode
        {
            Others = unchecked((int)0xE0000000),
            InvalidDriver = unchecked((int)0xE1000000),
            FileNotFound = unchecked((int)0xE2000000),
            DirectoryNotFound = unchecked((int)0xE3000000),
            VolumeNotFound = unchecked((int)0xE4000000),
            PathTooLong = unchecked((int)0xE5000000),
            DirectoryNotEmpty = unchecked((int)0xE6000000),
            UnauthorizedAccess = unchecked((int)0xE7000000),
            PathAlreadyExists = unchecked((int)0xE8000000),
            TooManyOpenHandles = unchecked((int)0xE9000000),
        }

        public IOException() { }
        public IOException(string message) { }
        public IOException(string message, int hresult) { }
        public IOException(string message, Exception innerException) { }
        public IOExceptionErrorCode ErrorCode { get { throw null; } }
    }

    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2,
    }

    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }
        public abstract bool CanSeek { get; }
        public virtual bool CanTimeout { get { throw null; } }
        public abstract bool CanWrite { get; }
        public abstract long Length { get; }
        public abstract long Position { get; set; }
        public virtual int ReadTimeout { get { throw null; } set { } }
        public virtual int WriteTimeout { get { throw null; } set { } }
        public virtual void Close() { }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
        public abstract void Flush();
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract int Read(byte[] buffer, int offset, int count);
        // System.IO.Streams 1.1.96: the span overload is abstract too, so every Stream subclass implements it.
        public abstract int Read(SpanByte buffer);
        public virtual int ReadByte() { throw null; }
        public abstract void Write(byte[] buffer, int offset, int count);
        public virtual void WriteByte(byte value) { }
    }
}
