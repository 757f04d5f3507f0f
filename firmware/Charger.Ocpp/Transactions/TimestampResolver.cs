using System;
using System.Text;
using Charger.Ocpp.Json;

namespace Charger.Ocpp.Transactions
{
    /// <summary>
    /// Rewrites the "timestamp" members of a queued payload that were stamped before the station
    /// clock was set, once it is set (see <see cref="StationClock.Resolve"/>). A payload without
    /// such a stamp is returned as it is, without allocating.
    /// </summary>
    public static class TimestampResolver
    {
        private const string Key = "\"timestamp\":\"";

        public static string Resolve(string payload, StationClock clock)
        {
            if (payload == null || !clock.IsSynchronized)
            {
                return payload;
            }

            StringBuilder sb = null;
            int copied = 0;
            int at = payload.IndexOf(Key);
            while (at >= 0)
            {
                int start = at + Key.Length;
                int end = payload.IndexOf('"', start);
                if (end < 0)
                {
                    break;
                }

                DateTime stamp;
                if (Rfc3339.TryParse(payload.Substring(start, end - start), out stamp) && StationClock.IsUnsynchronizedStamp(stamp))
                {
                    if (sb == null)
                    {
                        sb = new StringBuilder(payload.Length + 8);
                    }

                    sb.Append(payload.Substring(copied, start - copied));
                    Rfc3339.Append(sb, clock.Resolve(stamp));
                    copied = end;
                }

                at = payload.IndexOf(Key, end);
            }

            if (sb == null)
            {
                return payload;
            }

            sb.Append(payload.Substring(copied));
            return sb.ToString();
        }
    }
}
