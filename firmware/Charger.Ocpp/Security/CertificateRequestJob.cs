using Charger.Crypto;

namespace Charger.Ocpp.Security
{
    /// <summary>
    /// The costly half of a signing request: the public point of a new private scalar and the
    /// PKCS #10 request's signature (two P-256 scalar multiplications, about 1 s on the host's
    /// 32-bit nanoCLR, roughly ten times that on an ESP32). Run inline in the simulator and the
    /// tests (deterministic), or on a lowest-priority thread on a board so the tick loop never
    /// waits for it; <see cref="Done"/> is read by the tick.
    /// </summary>
    public sealed class CertificateRequestJob
    {
        private readonly byte[] _scalar;
        private readonly string _commonName;
        private readonly string _organization;
        private int _done; // 1 once Run has finished (Interlocked: nanoFramework has no volatile)

        public CertificateRequestJob(byte[] scalar, string commonName, string organization, string why)
        {
            _scalar = scalar;
            _commonName = commonName;
            _organization = organization;
            Why = why;
        }

        public string Why { get; private set; }

        public bool Done
        {
            get { return System.Threading.Interlocked.CompareExchange(ref _done, 0, 0) == 1; }
        }

        public EcPrivateKey Key { get; private set; }

        public string RequestPem { get; private set; }

        public string Error { get; private set; }

        public void Run()
        {
            try
            {
                EcPrivateKey key = EcPrivateKey.TryCreate(EcCurve.P256, _scalar);
                RequestPem = Pkcs10Request.BuildPem(key, _commonName, _organization);
                Key = key;
            }
            catch (CryptoFormatException e)
            {
                Error = e.Message;
            }
            finally
            {
                for (int i = 0; i < _scalar.Length; i++)
                {
                    _scalar[i] = 0;
                }

                System.Threading.Interlocked.Exchange(ref _done, 1);
            }
        }
    }
}
