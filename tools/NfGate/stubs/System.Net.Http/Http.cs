using System.IO;

namespace System.Net
{
    public enum HttpStatusCode
    {
        OK = 200,
        PartialContent = 206,
        BadRequest = 400,
        Unauthorized = 401,
        Forbidden = 403,
        NotFound = 404,
        InternalServerError = 500,
    }

    public enum WebExceptionStatus
    {
        Success = 0,
        ConnectFailure = 2,
        ProtocolError = 7,
        Timeout = 14,
    }

    public abstract class WebRequest : MarshalByRefObject, IDisposable
    {
        public static WebRequest Create(string requestUriString) { throw null; }
        public virtual string Method { get { throw null; } set { } }
        public virtual long ContentLength { get { throw null; } set { } }
        public virtual string ContentType { get { throw null; } set { } }
        public virtual int Timeout { get { throw null; } set { } }
        public virtual Stream GetRequestStream() { throw null; }
        public virtual WebResponse GetResponse() { throw null; }
        public void Dispose() { }
    }

    public abstract class WebResponse : MarshalByRefObject, IDisposable
    {
        public virtual long ContentLength { get { throw null; } set { } }
        public virtual string ContentType { get { throw null; } set { } }
        public virtual Stream GetResponseStream() { throw null; }
        public virtual void Close() { }
        public void Dispose() { }
    }

    public class HttpWebRequest : WebRequest
    {
        public override string Method { get { throw null; } set { } }
        public override long ContentLength { get { throw null; } set { } }
        public override string ContentType { get { throw null; } set { } }
        public override int Timeout { get { throw null; } set { } }
        public int ReadWriteTimeout { get { throw null; } set { } }
        public bool KeepAlive { get { throw null; } set { } }
        public void AddRange(int range) { }
        public System.Security.Cryptography.X509Certificates.X509Certificate HttpsAuthentCert { get { throw null; } set { } }
        public System.Net.Security.SslVerification SslVerification { get { throw null; } set { } }
        public System.Net.Security.SslProtocols SslProtocols { get { throw null; } set { } }
        public override Stream GetRequestStream() { throw null; }
        public override WebResponse GetResponse() { throw null; }
    }

    public class HttpWebResponse : WebResponse
    {
        public HttpStatusCode StatusCode { get { throw null; } }
        public override long ContentLength { get { throw null; } set { } }
        public override Stream GetResponseStream() { throw null; }
        public override void Close() { }
    }

    public class WebException : InvalidOperationException
    {
        public WebException(string message) { }
        public WebExceptionStatus Status { get { throw null; } }
        public WebResponse Response { get { throw null; } }
    }
}
