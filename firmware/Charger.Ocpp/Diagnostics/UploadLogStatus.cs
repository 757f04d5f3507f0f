namespace Charger.Ocpp.Diagnostics
{
    /// <summary>OCPP 2.0.1 UploadLogStatusEnumType values (LogStatusNotificationRequest.status).</summary>
    public static class UploadLogStatus
    {
        public const string BadMessage = "BadMessage";
        public const string Idle = "Idle";
        public const string NotSupportedOperation = "NotSupportedOperation";
        public const string PermissionDenied = "PermissionDenied";
        public const string Uploaded = "Uploaded";
        public const string UploadFailure = "UploadFailure";
        public const string Uploading = "Uploading";
        public const string AcceptedCanceled = "AcceptedCanceled";

        /// <summary>
        /// The final status of a failed upload attempt from its HTTP status: 400 BadMessage, 401/403
        /// PermissionDenied, 405/501 NotSupportedOperation; anything else (no answer, 5xx, 404...)
        /// UploadFailure, the only one worth a retry.
        /// </summary>
        public static string OfHttpFailure(int httpStatus)
        {
            switch (httpStatus)
            {
                case 400:
                    return BadMessage;
                case 401:
                case 403:
                    return PermissionDenied;
                case 405:
                case 501:
                    return NotSupportedOperation;
                default:
                    return UploadFailure;
            }
        }
    }
}
