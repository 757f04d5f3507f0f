using System;
using Charger.Hal;
using Charger.Ocpp.Availability;
using Charger.Ocpp.CertificateManagement;
using Charger.Ocpp.CertificateRevocation;
using Charger.Ocpp.Json;
using Charger.Ocpp.RemoteControl;
using Charger.Ocpp.Rpc;
using Charger.Ocpp.Rpc.Schema;
using Charger.Ocpp.Security;

namespace Charger.Ocpp.FirmwareManagement
{
    /// <summary>
    /// UpdateFirmware (OCPP 2.0.1 L01, secure firmware update), driven from the tick:
    /// the signing certificate is checked against the installed ManufacturerRootCertificates before
    /// the request is accepted (InvalidCertificate otherwise, RevokedCertificate when an installed CRL
    /// of its issuer lists it, both with the security event InvalidFirmwareSigningCertificate); the
    /// image is downloaded over <see cref="IHttpTransfer"/>
    /// into the free slot at retrieveDateTime, resumed with a Range request after a failed attempt or
    /// a power cut, at most <c>retries</c> more attempts <c>retryInterval</c> apart; the signature is
    /// verified over the whole file (InvalidSignature and the event InvalidFirmwareSignature otherwise,
    /// also when the certificate was revoked meanwhile); installation
    /// waits for installDateTime and for running transactions to end, holding every free EVSE
    /// Unavailable meanwhile; the image is put on trial and the station reboots into it. After the
    /// reboot the new image reports Installed (and the event FirmwareUpdated) once its self-test
    /// confirmed it; an image that was rolled back reports InstallationFailed. Every state change is
    /// a FirmwareStatusNotification with the request's requestId, and is kept on the file store.
    /// </summary>
    public sealed class FirmwareUpdateService : IIncomingCallHandler, ICallResultHandler
    {
        public const string Action = "UpdateFirmware";
        public const string StatusAction = "FirmwareStatusNotification";
        public const string RecordName = "ocpp-firmware-update";

        /// <summary>Retries when the request gives none (the specification leaves it to the station).</summary>
        public const int DefaultRetries = 3;

        /// <summary>Upper bound on retries, whatever the request asks.</summary>
        public const int MaxRetries = 20;

        /// <summary>retryInterval when the request gives none, in seconds.</summary>
        public const int DefaultRetryIntervalS = 60;

        /// <summary>Image bytes moved from the transfer to the slot per tick: bounds one tick's flash writing.</summary>
        public const int BytesPerTick = 8192;

        private const int ChunkBytes = 1024;
        private const string Component = "ocpp.firmware";

        // Phases, kept in the record.
        private const int PhaseIdle = 0;
        private const int PhaseDownloadScheduled = 1;
        private const int PhaseDownloading = 2;
        private const int PhaseWaitingToRetry = 3;
        private const int PhaseDownloaded = 4;
        private const int PhaseInstallScheduled = 5;
        private const int PhaseWaitingForTransactions = 6;
        private const int PhaseInstalling = 7;
        private const int PhaseRebooting = 8;
        private const int PhaseAwaitingConfirmation = 9;

        private readonly RpcEndpoint _rpc;
        private readonly StationClock _clock;
        private readonly SecurityEventService _securityEvents;
        private readonly CertificateStore _certificates;
        private readonly CrlStore _crls;
        private readonly IStationHooks _hooks;
        private readonly AvailabilityManager _availability;
        private readonly IFileStore _store;
        private readonly ILog _log;
        private byte[] _chunk; // only while an image is downloaded: 1 KB the idle station does not hold
        private IHttpTransfer _http;

        // The signature of a check the target runs off the tick (FirmwareCheck.InProgress): asked
        // again each tick with the same signature, its certificate checked once per check.
        private FirmwareSignature _checking;
        private IFirmwareInstallTarget _target;

        private FirmwareUpdateRecord _record;
        private long _retryAtMs;
        private long _attemptFromByte;
        private bool _waitLogged;
        private int _attempts;
        private string _lastStatus = FirmwareStatus.Idle;

        public FirmwareUpdateService(RpcEndpoint rpc, StationClock clock, SecurityEventService securityEvents,
            CertificateStore certificates, CrlStore crls, IStationHooks hooks, AvailabilityManager availability, IFileStore store, ILog log)
        {
            _crls = crls;
            _rpc = rpc;
            _clock = clock;
            _securityEvents = securityEvents;
            _certificates = certificates;
            _hooks = hooks;
            _availability = availability;
            _store = store;
            _log = log;
        }

        /// <summary>
        /// Gives the service its HTTP transfer and install target, and picks up an update that a
        /// reboot or power cut interrupted. Until then every UpdateFirmware is Rejected.
        /// </summary>
        public void Attach(IHttpTransfer http, IFirmwareInstallTarget target, long nowMs)
        {
            _http = http;
            _target = target;
            _record = FirmwareUpdateRecord.Decode(_store.Read(RecordName));
            if (_record == null)
            {
                if (_store.Exists(RecordName))
                {
                    _log.Write(LogLevel.Error, Component, "firmware update record unreadable, dropped");
                    _store.Delete(RecordName);
                }

                return;
            }

            _lastStatus = _record.LastStatus;
            Resume(nowMs);
        }

        /// <summary>Whether an update runs (from acceptance until Installed or a final failure).</summary>
        public bool IsUpdating
        {
            get { return _record != null; }
        }

        public int RequestId
        {
            get { return _record == null ? -1 : _record.RequestId; }
        }

        /// <summary>The last status sent in a FirmwareStatusNotification.</summary>
        public string LastStatus
        {
            get { return _lastStatus; }
        }

        /// <summary>Download attempts since boot.</summary>
        public int Attempts
        {
            get { return _attempts; }
        }

        public static SchemaNode RequestSchema()
        {
            return SchemaNode.Object()
                .Optional("retries", SchemaNode.IntegerAtLeast(0))
                .Optional("retryInterval", SchemaNode.IntegerAtLeast(0))
                .Required("requestId", SchemaNode.Integer())
                .Required("firmware", SchemaNode.Object()
                    .Required("location", SchemaNode.String(512))
                    .Required("retrieveDateTime", SchemaNode.DateTime())
                    .Optional("installDateTime", SchemaNode.DateTime())
                    .Optional("signingCertificate", SchemaNode.String(5500))
                    .Optional("signature", SchemaNode.String(800)));
        }

        public void Handle(IncomingCall call)
        {
            JsonValue p = call.Payload;
            JsonValue firmware = p.Get("firmware");
            int requestId = (int)p.GetInteger("requestId", 0);
            string location = firmware.GetString("location");
            string pem = firmware.GetString("signingCertificate");
            string signatureText = firmware.GetString("signature");
            DateTime retrieve;
            DateTime install = DateTime.MinValue;
            Rfc3339.TryParse(firmware.GetString("retrieveDateTime"), out retrieve);
            string installText = firmware.GetString("installDateTime");
            if (installText != null)
            {
                Rfc3339.TryParse(installText, out install);
            }

            string status = "Accepted";
            string reasonCode = null;
            string why = null;
            FirmwareSignature signature = null;
            if (_target == null || _http == null)
            {
                status = "Rejected";
                reasonCode = "NoFirmwareStore";
                why = "this station has no firmware slots attached";
            }
            else if (_record != null && _record.Phase >= PhaseInstalling)
            {
                // L01.FR.27: an installation that has begun cannot be cancelled.
                status = "Rejected";
                reasonCode = "InstallInProgress";
                why = "request " + _record.RequestId + " is installing";
            }
            else if (_record == null && _target.WhyNotReady != null)
            {
                status = "Rejected";
                reasonCode = "NotReady";
                why = _target.WhyNotReady;
            }
            else if (!IsUsableUrl(location))
            {
                status = "Rejected";
                reasonCode = "InvalidURL";
                why = "location is not an http(s) URL this station can fetch";
            }
            else
            {
                long nowUnixMs = UnixMs(_clock.UtcAt(call.NowMs));
                signature = FirmwareSignature.CheckCertificate(pem, _certificates.TrustedRoots(CertificateUse.ManufacturerRootCertificate),
                    nowUnixMs, out why);
                string revoked = signature == null ? null : _crls.RevocationOf(signature.Certificate, nowUnixMs);
                if (revoked != null)
                {
                    // L01 (certificate revoked): RevokedCertificate, with the event L01.FR.02 names for a refused certificate.
                    signature = null;
                    status = "RevokedCertificate";
                    reasonCode = "RevokedCertificate";
                    why = revoked;
                    _securityEvents.Raise(SecurityEventTypes.InvalidFirmwareSigningCertificate, true, "UpdateFirmware " + requestId + ": " + why, call.NowMs);
                }
                else if (signature == null)
                {
                    // L01.FR.02 (certificate invalid) and the event it raises.
                    status = "InvalidCertificate";
                    reasonCode = "InvalidCertificate";
                    // The appendix does not list it as critical, but L01.FR.02 says it is sent.
                    _securityEvents.Raise(SecurityEventTypes.InvalidFirmwareSigningCertificate, true, "UpdateFirmware " + requestId + ": " + why, call.NowMs);
                }
                else
                {
                    signature = signature.WithSignature(signatureText, out why);
                    if (signature == null)
                    {
                        // Only signed images are installed: a request without a (readable) signature is refused.
                        // (StatusInfoType.reasonCode is at most 20 characters.)
                        status = "Rejected";
                        reasonCode = signatureText == null ? "SignatureRequired" : "BadSignatureFormat";
                    }
                }
            }

            if (status == "Accepted" && _record != null)
            {
                // L01.FR.24: a new request cancels the update that has not begun installing.
                _log.Write(LogLevel.Info, Component, "firmware update " + _record.RequestId + " canceled by UpdateFirmware " + requestId);
                CancelRunning();
                status = "AcceptedCanceled";
            }

            JsonWriter w = call.Response;
            w.BeginObject();
            w.Property("status", status);
            if (reasonCode != null)
            {
                w.Name("statusInfo");
                w.BeginObject();
                w.Property("reasonCode", reasonCode);
                if (why != null)
                {
                    w.Property("additionalInfo", JsonWriter.Truncate(why, 512));
                }

                w.EndObject();
            }

            w.EndObject();
            if (status != "Accepted" && status != "AcceptedCanceled")
            {
                _log.Write(LogLevel.Warning, Component, "UpdateFirmware " + requestId + " " + status + ": " + why);
                return;
            }

            FirmwareUpdateRecord r = new FirmwareUpdateRecord();
            r.RequestId = requestId;
            r.Location = location;
            r.RetrieveTicks = retrieve.Ticks;
            r.InstallTicks = installText == null ? 0 : install.Ticks;
            long retries = p.GetInteger("retries", DefaultRetries);
            r.RetriesLeft = retries > MaxRetries ? MaxRetries : (int)retries;
            long interval = p.GetInteger("retryInterval", DefaultRetryIntervalS);
            r.RetryIntervalS = interval > 86400 ? 86400 : (int)interval;
            r.CertificatePem = pem;
            r.SignatureBase64 = signatureText;
            r.LastStatus = _lastStatus;
            _record = r;
            _checking = null; // a check still under way belongs to the replaced request
            _attempts = 0;
            _log.Write(LogLevel.Info, Component, "UpdateFirmware " + requestId + " " + status + ": " + location + ", signed by "
                + signature.Certificate.Subject.ToString());
            if (_clock.UtcAt(call.NowMs).Ticks < r.RetrieveTicks)
            {
                SetPhase(PhaseDownloadScheduled);
                Notify(FirmwareStatus.DownloadScheduled);
            }
            else
            {
                _retryAtMs = call.NowMs;
                SetPhase(PhaseWaitingToRetry);
            }
        }

        /// <summary>TriggerMessage FirmwareStatusNotification: the current status with its requestId while an update runs, else Idle.</summary>
        public bool TriggerStatus()
        {
            if (_record == null)
            {
                return Send(FirmwareStatus.Idle, -1, SendPermission.AllowedWhilePending);
            }

            return Send(_lastStatus, _record.RequestId, SendPermission.AllowedWhilePending);
        }

        public void Tick(long nowMs)
        {
            if (_record == null)
            {
                return;
            }

            if (!_clock.IsSynchronized && _record.Phase != PhaseDownloading && _record.Phase != PhaseWaitingToRetry
                && _record.Phase != PhaseAwaitingConfirmation)
            {
                // Dates and certificate validity need the real time: after a boot, wait for the CSMS (or the RTC) to set the clock.
                return;
            }

            switch (_record.Phase)
            {
                case PhaseDownloadScheduled:
                    if (_clock.UtcAt(nowMs).Ticks >= _record.RetrieveTicks)
                    {
                        BeginAttempt(nowMs);
                    }

                    break;

                case PhaseWaitingToRetry:
                    if (nowMs >= _retryAtMs)
                    {
                        BeginAttempt(nowMs);
                    }

                    break;

                case PhaseDownloading:
                    Pump(nowMs);
                    break;

                case PhaseDownloaded:
                    VerifySignature(nowMs);
                    break;

                case PhaseInstallScheduled:
                    if (_clock.UtcAt(nowMs).Ticks >= _record.InstallTicks)
                    {
                        SetPhase(PhaseWaitingForTransactions);
                    }

                    break;

                case PhaseWaitingForTransactions:
                    WaitForTransactions(nowMs);
                    break;

                case PhaseInstalling:
                    ContinueInstall(nowMs);
                    break;

                case PhaseAwaitingConfirmation:
                    if (!_target.RunningOnTrial)
                    {
                        Conclude(nowMs);
                    }

                    break;
            }
        }

        public void OnCallResult(OutgoingCall call, JsonValue payload)
        {
        }

        public void OnCallFailed(OutgoingCall call, string errorCode, string description)
        {
            _log.Write(LogLevel.Warning, Component, "FirmwareStatusNotification not delivered: " + errorCode + " " + description);
        }

        // After a boot: carry on from where the record says the update was.
        private void Resume(long nowMs)
        {
            _log.Write(LogLevel.Info, Component, "firmware update " + _record.RequestId + " found after boot, last status " + _lastStatus);
            switch (_record.Phase)
            {
                case PhaseDownloading:
                case PhaseWaitingToRetry:
                    // A cut download resumes at once from the bytes already in the slot.
                    _retryAtMs = nowMs;
                    _record.Phase = PhaseWaitingToRetry;
                    break;

                case PhaseInstalling:
                    if (_target.RunningOnTrial)
                    {
                        // Cut after the image was put on trial: this boot runs it.
                        _record.TargetVersion = _target.RunningVersion;
                        SetPhase(PhaseAwaitingConfirmation);
                    }
                    else
                    {
                        SetPhase(PhaseWaitingForTransactions);
                    }

                    break;

                case PhaseRebooting:
                case PhaseAwaitingConfirmation:
                    if (_target.RunningVersion == _record.TargetVersion && _target.RunningOnTrial)
                    {
                        SetPhase(PhaseAwaitingConfirmation);
                    }
                    else
                    {
                        Conclude(nowMs);
                    }

                    break;
            }
        }

        // The new image's trial is over: Installed when it runs confirmed, InstallationFailed when it was rolled back.
        private void Conclude(long nowMs)
        {
            string running = _target.RunningVersion;
            if (running == _record.TargetVersion && _target.RunningConfirmed)
            {
                Notify(FirmwareStatus.Installed);
                _securityEvents.Raise(SecurityEventTypes.FirmwareUpdated, "firmware " + running + " installed and confirmed (request "
                    + _record.RequestId + ")", nowMs);
                _log.Write(LogLevel.Info, Component, "firmware " + running + " installed and confirmed");
            }
            else
            {
                string rolledBack = _target.UnreportedRollback;
                Notify(FirmwareStatus.InstallationFailed);
                _log.Write(LogLevel.Error, Component, "firmware " + _record.TargetVersion + " did not survive its trial"
                    + (rolledBack == null ? "" : " (rolled back from " + rolledBack + ")") + "; running " + running);
                _target.RollbackReported();
            }

            Finish();
        }

        private void BeginAttempt(long nowMs)
        {
            if (_http.State == HttpTransferState.Running)
            {
                // The one transfer is busy (a GetLog upload): the download starts when it is free.
                return;
            }

            string notReady = _record.ImageStarted ? null : _target.WhyNotReady;
            if (notReady != null)
            {
                Final(FirmwareStatus.DownloadFailed, notReady);
                return;
            }

            _attempts++;
            long from = _record.ImageStarted ? _target.ImageBytes : -1;
            if (from < 0)
            {
                try
                {
                    _target.BeginImage();
                }
                catch (Exception e)
                {
                    Final(FirmwareStatus.DownloadFailed, "free slot not writable: " + e.Message);
                    return;
                }

                _record.ImageStarted = true;
                from = 0;
            }

            _attemptFromByte = from;
            if (!_http.StartDownload(_record.Location, from))
            {
                AttemptFailed(nowMs, 0, "HTTP transfer busy");
                return;
            }

            _log.Write(LogLevel.Info, Component, "download attempt " + _attempts + " of " + _record.Location
                + (from > 0 ? " from byte " + from : ""));
            SetPhase(PhaseDownloading);
            if (_lastStatus != FirmwareStatus.Downloading)
            {
                Notify(FirmwareStatus.Downloading);
            }
        }

        private void Pump(long nowMs)
        {
            long total = _http.TotalBytes;
            if (total > _target.CapacityBytes)
            {
                // Free space is checked as soon as the server says the size; retrying cannot help.
                _http.Cancel();
                _http.Reset();
                Final(FirmwareStatus.DownloadFailed, "image of " + total + " bytes, the free slot holds " + _target.CapacityBytes);
                return;
            }

            if (_chunk == null)
            {
                _chunk = new byte[ChunkBytes];
            }

            int moved = 0;
            while (moved < BytesPerTick)
            {
                int n = _http.Read(_chunk, 0, _chunk.Length);
                if (n <= 0)
                {
                    break;
                }

                if (_target.ImageBytes + n > _target.CapacityBytes)
                {
                    _http.Cancel();
                    _http.Reset();
                    Final(FirmwareStatus.DownloadFailed, "image larger than the free slot's " + _target.CapacityBytes + " bytes");
                    return;
                }

                try
                {
                    _target.AppendImage(_chunk, 0, n);
                }
                catch (Exception e)
                {
                    _http.Cancel();
                    _http.Reset();
                    Final(FirmwareStatus.DownloadFailed, "image not stored: " + e.Message);
                    return;
                }

                moved += n;
            }

            HttpTransferState state = _http.State;
            if (state == HttpTransferState.Completed)
            {
                _http.Reset();
                _log.Write(LogLevel.Info, Component, "downloaded " + _target.ImageBytes + " bytes");
                SetPhase(PhaseDownloaded);
                Notify(FirmwareStatus.Downloaded);
            }
            else if (state == HttpTransferState.Failed)
            {
                int status = _http.StatusCode;
                string error = _http.Error;
                _http.Reset();
                if (_attemptFromByte > 0 && status == 200)
                {
                    // The server ignored the Range: the next attempt starts the image again.
                    _record.ImageStarted = false;
                }

                AttemptFailed(nowMs, status, error);
            }
        }

        private void AttemptFailed(long nowMs, int status, string error)
        {
            if (_record.RetriesLeft > 0)
            {
                _record.RetriesLeft--;
                _retryAtMs = nowMs + (long)_record.RetryIntervalS * 1000;
                long kept = _record.ImageStarted ? _target.ImageBytes : 0;
                _log.Write(LogLevel.Warning, Component, "download failed (" + error + "); retry in " + _record.RetryIntervalS + " s, "
                    + _record.RetriesLeft + " more after it, resuming at byte " + kept);
                SetPhase(PhaseWaitingToRetry);
                if (kept > 0 && _lastStatus == FirmwareStatus.Downloading)
                {
                    // Our reading of DownloadPaused: part of the image is kept and the download goes on
                    // from it at the retry (Downloading again then). An attempt that stored nothing is
                    // simply tried again, and the status stays Downloading.
                    Notify(FirmwareStatus.DownloadPaused);
                }

                return;
            }

            Final(FirmwareStatus.DownloadFailed, "download failed (" + error + (status > 0 ? ", HTTP " + status : "") + "), no retries left");
        }

        // The request's certificate and signature checked again (chain, validity, revocation) before the
        // signature is verified and again before install: a certificate revoked by a CRL installed
        // meanwhile stops the update as InvalidSignature (the signature is no longer one the station trusts).
        private FirmwareSignature RequestSignature(long nowMs, out string why)
        {
            long nowUnixMs = UnixMs(_clock.UtcAt(nowMs));
            FirmwareSignature signature = FirmwareSignature.CheckCertificate(_record.CertificatePem,
                _certificates.TrustedRoots(CertificateUse.ManufacturerRootCertificate), nowUnixMs, out why);
            if (signature != null)
            {
                why = _crls.RevocationOf(signature.Certificate, nowUnixMs);
                if (why != null)
                {
                    return null;
                }
            }

            return signature == null ? null : signature.WithSignature(_record.SignatureBase64, out why);
        }

        private FirmwareCheck CheckWithTarget(long nowMs, bool install)
        {
            FirmwareSignature signature = _checking;
            if (signature == null)
            {
                string why;
                signature = RequestSignature(nowMs, out why);
                if (signature == null)
                {
                    return new FirmwareCheck(FirmwareCheck.SignatureRejected, "signing certificate no longer valid: " + why, null);
                }
            }

            FirmwareCheck check = install ? _target.Install(signature) : _target.CheckSignature(signature);
            _checking = check.Outcome == FirmwareCheck.InProgress ? signature : null;
            return check;
        }

        private void VerifySignature(long nowMs)
        {
            FirmwareCheck check = CheckWithTarget(nowMs, false);
            if (check.Outcome == FirmwareCheck.InProgress)
            {
                return;
            }

            if (!check.IsPassed)
            {
                Refused(nowMs, check);
                return;
            }

            _log.Write(LogLevel.Info, Component, "signature of firmware " + check.Version + " verified");
            Notify(FirmwareStatus.SignatureVerified);
            if (_record.InstallTicks > _clock.UtcAt(nowMs).Ticks)
            {
                SetPhase(PhaseInstallScheduled);
                Notify(FirmwareStatus.InstallScheduled);
            }
            else
            {
                SetPhase(PhaseWaitingForTransactions);
            }
        }

        private void WaitForTransactions(long nowMs)
        {
            bool running = false;
            for (int e = 1; e <= _availability.EvseCount; e++)
            {
                if (_hooks.IsTransactionRunning(e))
                {
                    running = true;
                }
                else
                {
                    // L01.FR.07: every EVSE not in use is Unavailable until the image is installed.
                    _availability.HoldForFirmware(e, true);
                }
            }

            if (running)
            {
                if (!_waitLogged)
                {
                    _waitLogged = true;
                    _log.Write(LogLevel.Info, Component, "installation waits for the running transaction to end (L01.FR.06)");
                }

                return;
            }

            Install(nowMs);
        }

        private void Install(long nowMs)
        {
            SetPhase(PhaseInstalling);
            Notify(FirmwareStatus.Installing);
            ContinueInstall(nowMs);
        }

        // Each tick while Installing, until the target's check (possibly off the tick) has answered.
        private void ContinueInstall(long nowMs)
        {
            FirmwareCheck check = CheckWithTarget(nowMs, true);
            if (check.Outcome == FirmwareCheck.InProgress)
            {
                return;
            }

            if (!check.IsPassed)
            {
                Refused(nowMs, check);
                return;
            }

            _record.TargetVersion = check.Version;
            ResetHandler.RecordBootReason(_store, "FirmwareUpdate", _log);
            SetPhase(PhaseRebooting);
            Notify(FirmwareStatus.InstallRebooting);
            _log.Write(LogLevel.Info, Component, "firmware " + check.Version + " on trial; rebooting into it");
            _target.Reboot("firmware " + check.Version + " installed");
        }

        private void Refused(long nowMs, FirmwareCheck check)
        {
            if (check.Outcome == FirmwareCheck.SignatureRejected)
            {
                // L01.FR.03: InvalidSignature and its security event.
                // Sent, whatever the appendix says of its criticality: L01.FR.03.
                _securityEvents.Raise(SecurityEventTypes.InvalidFirmwareSignature, true, "request " + _record.RequestId + ": " + check.Reason, nowMs);
                Final(FirmwareStatus.InvalidSignature, check.Reason);
            }
            else if (check.Outcome == FirmwareCheck.ImageRejected)
            {
                Final(FirmwareStatus.InstallVerificationFailed, check.Reason);
            }
            else
            {
                Final(FirmwareStatus.InstallationFailed, check.Reason);
            }
        }

        // A failure that ends the update: its status, the EVSEs released, the record gone.
        private void Final(string status, string reason)
        {
            _log.Write(LogLevel.Error, Component, "firmware update " + _record.RequestId + " " + status + ": " + reason);
            Notify(status);
            Finish();
        }

        private void CancelRunning()
        {
            if (_record.Phase == PhaseDownloading && _http != null)
            {
                _http.Cancel();
                _http.Reset();
            }

            Finish();
        }

        private void Finish()
        {
            ReleaseEvses();
            _checking = null;
            _chunk = null;
            _record = null;
            _waitLogged = false;
            _store.Delete(RecordName);
        }

        private void ReleaseEvses()
        {
            for (int e = 1; e <= _availability.EvseCount; e++)
            {
                _availability.HoldForFirmware(e, false);
            }
        }

        private void SetPhase(int phase)
        {
            _record.Phase = phase;
            Save();
        }

        private void Save()
        {
            _record.LastStatus = _lastStatus;
            byte[] data = _record.Encode();
            try
            {
                _store.WriteAtomic(RecordName, data, data.Length);
            }
            catch (StorageFullException e)
            {
                _log.Write(LogLevel.Error, Component, "firmware update record not saved: " + e.Message);
            }
        }

        private void Notify(string status)
        {
            _lastStatus = status;
            if (_record != null)
            {
                Save();
            }

            // L01.FR.01, L01.FR.20: every new state, with the request's requestId.
            Send(status, _record == null ? -1 : _record.RequestId, SendPermission.RequiresAccepted);
        }

        private bool Send(string status, int requestId, SendPermission permission)
        {
            JsonWriter w = new JsonWriter(2, 256);
            w.BeginObject();
            w.Property("status", status);
            if (requestId >= 0 && status != FirmwareStatus.Idle)
            {
                w.Property("requestId", requestId);
            }

            w.EndObject();
            return _rpc.CallLazySchema(StatusAction, w.ToString(), EmptyResponse, this, null, permission);
        }

        private static SchemaNode EmptyResponse()
        {
            return SchemaNode.Object();
        }

        private bool IsUsableUrl(string url)
        {
            if (url == null)
            {
                return false;
            }

            int start;
            if (url.StartsWith("http://"))
            {
                start = 7;
            }
            else if (url.StartsWith("https://") && _http.SupportsHttps)
            {
                start = 8;
            }
            else
            {
                return false;
            }

            return url.Length > start && url.IndexOf('/', start) != start && url.IndexOf(' ') < 0;
        }

        private static long UnixMs(DateTime utc)
        {
            // DateTime ticks are 100 ns since 0001-01-01; 621355968000000000 of them is 1970-01-01.
            return (utc.Ticks - 621355968000000000L) / 10000;
        }
    }
}
