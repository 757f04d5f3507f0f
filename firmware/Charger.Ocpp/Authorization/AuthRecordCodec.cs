using Charger.Ocpp.Transactions;

namespace Charger.Ocpp.Authorization
{
    /// <summary>Stores tokens and token info in records of the authorization cache and the local list.</summary>
    internal static class AuthRecordCodec
    {
        public static void WriteToken(StoreRecordWriter writer, IdToken token)
        {
            writer.WriteBool(token != null);
            if (token != null)
            {
                writer.WriteString(token.Value);
                writer.WriteByte((byte)token.Type);
            }
        }

        public static IdToken ReadToken(StoreRecordReader reader)
        {
            if (!reader.ReadBool())
            {
                return null;
            }

            string value = reader.ReadString();
            byte type = reader.ReadByte();
            if (value == null || value.Length > IdToken.MaxValueLength || type > (byte)IdTokenType.NoAuthorization)
            {
                throw new CorruptRecordException("stored idToken is not valid");
            }

            return new IdToken(value, (IdTokenType)type);
        }

        public static void WriteInfo(StoreRecordWriter writer, IdTokenInfo info)
        {
            writer.WriteByte((byte)info.Status);
            writer.WriteInt64(info.CacheExpiryUtcMs);
            WriteToken(writer, info.GroupIdToken);
        }

        public static IdTokenInfo ReadInfo(StoreRecordReader reader)
        {
            byte status = reader.ReadByte();
            if (status > (byte)AuthorizationStatus.Unknown)
            {
                throw new CorruptRecordException("stored authorization status " + status + " is not valid");
            }

            long expiry = reader.ReadInt64();
            return new IdTokenInfo((AuthorizationStatus)status, ReadToken(reader), expiry);
        }

        /// <summary>Bytes <see cref="WriteToken"/> produces for this token.</summary>
        public static int TokenBytes(IdToken token)
        {
            return token == null ? 1 : 1 + 2 + System.Text.Encoding.UTF8.GetBytes(token.Value).Length + 1;
        }

        /// <summary>Bytes <see cref="WriteInfo"/> produces.</summary>
        public static int InfoBytes(IdTokenInfo info)
        {
            return 1 + 8 + TokenBytes(info.GroupIdToken);
        }
    }
}
