using Charger.Ocpp.Json;

namespace Charger.Ocpp.DataTransfer
{
    /// <summary>A vendor extension answering DataTransfer for one vendorId (P01/P02).</summary>
    public interface IDataTransferHandler
    {
        /// <summary>
        /// Returns the status ("Accepted", "Rejected", "UnknownMessageId") and may write the
        /// response data value into <paramref name="responseData"/> (one JSON value) or leave it empty.
        /// </summary>
        string Handle(string messageId, JsonValue data, JsonWriter responseData);
    }
}
