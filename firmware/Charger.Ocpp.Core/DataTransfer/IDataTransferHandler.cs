using Charger.Ocpp.Json;

namespace Charger.Ocpp.DataTransfer
{
    /// <summary>A vendor extension answering DataTransfer for one vendorId (P01/P02).</summary>
    public interface IDataTransferHandler
    {
        /// <summary>
        /// Returns the status ("Accepted", "Rejected", "UnknownMessageId") and may write the
        /// response data value into <paramref name="responseData"/> (one JSON value) or leave it empty.
        /// <paramref name="reasonCode"/> (at most 20 characters) and <paramref name="additionalInfo"/>
        /// become the response's statusInfo when the reason code is not null.
        /// </summary>
        string Handle(string messageId, JsonValue data, long nowMs, JsonWriter responseData, out string reasonCode, out string additionalInfo);
    }
}
