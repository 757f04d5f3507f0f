namespace Charger.Ocpp.Authorization
{
    /// <summary>What <see cref="AuthorizationService.PresentIdToken"/> did with a token at the reader.</summary>
    public enum PresentResult
    {
        /// <summary>Authorized now: the EVSE may charge (IEvseControl.Authorize(evse, true) was called).</summary>
        Accepted = 0,

        /// <summary>An AuthorizeRequest went to the CSMS; the answer comes through IEvseControl.</summary>
        Pending = 1,

        /// <summary>Refused (IEvseControl.TokenRejected was called).</summary>
        Rejected = 2,

        /// <summary>The EVSE was authorized and this token stopped it (same token or same group).</summary>
        Stopped = 3,

        /// <summary>The EVSE is authorized for another token that this one may not stop.</summary>
        StopRefused = 4,

        /// <summary>An earlier token on this EVSE still waits for the CSMS; try again.</summary>
        Busy = 5,
    }
}
