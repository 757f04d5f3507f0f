using System;

namespace Charger.Sim.Models.Csms
{
    /// <summary>
    /// A station's request could not be answered; carries the OCPP-J error code the CALLERROR
    /// must use and a description a technician can read in the frame log.
    /// </summary>
    public sealed class OcppCallErrorException : Exception
    {
        public OcppCallErrorException(string errorCode, string description)
            : base(errorCode + ": " + description)
        {
            ErrorCode = errorCode;
            Description = description;
        }

        public string ErrorCode { get; }

        public string Description { get; }
    }
}
