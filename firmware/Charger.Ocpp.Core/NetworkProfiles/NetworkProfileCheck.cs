namespace Charger.Ocpp.NetworkProfiles
{
    /// <summary>
    /// What makes a NetworkConnectionProfile usable by this station (B09.FR.02: content that fails
    /// is Rejected with reasonCode InvalidNetworkConf). Each check returns why it fails, for
    /// statusInfo.additionalInfo and the log, or null.
    /// </summary>
    public static class NetworkProfileCheck
    {
        /// <summary>Bounds of messageTimeout: those of OCPPCommCtrlr.MessageTimeout.</summary>
        public const int MinMessageTimeoutS = 1;
        public const int MaxMessageTimeoutS = 3600;

        /// <summary>Why <paramref name="p"/> cannot be used, or null when it can.</summary>
        public static string Problem(NetworkProfile p)
        {
            if (p.OcppVersion != NetworkProfile.Ocpp20)
            {
                return "ocppVersion " + p.OcppVersion + " not supported; only OCPP20";
            }

            if (p.OcppTransport != NetworkProfile.Json)
            {
                return "ocppTransport " + p.OcppTransport + " not supported; only JSON";
            }

            if (p.SecurityProfile < 1 || p.SecurityProfile > 3)
            {
                // Profile 0 (no authentication) is not a profile OCPP 2.0.1 part 2 A00 defines for a station.
                return "securityProfile " + p.SecurityProfile + " not supported; 1, 2 or 3";
            }

            if (p.MessageTimeoutS < MinMessageTimeoutS || p.MessageTimeoutS > MaxMessageTimeoutS)
            {
                return "messageTimeout " + p.MessageTimeoutS + " outside " + MinMessageTimeoutS + ".." + MaxMessageTimeoutS + " s";
            }

            return UrlProblem(p.CsmsUrl, p.SecurityProfile);
        }

        /// <summary>
        /// A00: profile 1 talks ws://, profiles 2 and 3 wss://; the URL needs a host and no white space.
        /// </summary>
        public static string UrlProblem(string url, int securityProfile)
        {
            if (url == null || url.Length == 0)
            {
                return "ocppCsmsUrl is empty";
            }

            bool secure = url.StartsWith("wss://");
            if (!secure && !url.StartsWith("ws://"))
            {
                return "ocppCsmsUrl must start with ws:// or wss://";
            }

            // One copy: indexing a string is O(n) on nanoCLR.
            char[] chars = url.ToCharArray();
            int hostStart = secure ? 6 : 5;
            if (chars.Length == hostStart || chars[hostStart] == '/' || chars[hostStart] == ':')
            {
                return "ocppCsmsUrl has no host";
            }

            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c <= ' ' || c == 127)
                {
                    return "ocppCsmsUrl contains white space or a control character";
                }
            }

            if (securityProfile == 1 && secure)
            {
                return "securityProfile 1 uses ws://, not wss://";
            }

            if (securityProfile >= 2 && !secure)
            {
                return "securityProfile " + securityProfile + " needs wss://";
            }

            return null;
        }
    }
}
