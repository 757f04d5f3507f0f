using System.Text;
using Charger.Hal;
using Charger.Ocpp.DeviceModel;
using Charger.Ocpp.Transport;

namespace Charger.Ocpp.Security
{
    /// <summary>
    /// A new SecurityCtrlr.BasicAuthPassword from the CSMS (A01): the station reconnects with it at
    /// once (A01.FR.02). Until a connection with the new password succeeds, the previous one is kept
    /// in <see cref="PreviousRecord"/>; when the CSMS refuses the new one (HTTP 401) the station
    /// records FailedToAuthenticateAtCsms, goes back to the previous password (the variable too, so
    /// a reboot keeps the working one) and connects with it. A power cut in between keeps the
    /// record, so the fallback still works after the reboot.
    /// </summary>
    public sealed class BasicAuthPasswordChange
    {
        public const string PreviousRecord = "ocpp-prev-auth";

        /// <summary>
        /// Wait between accepting the new password and dropping the connection, so the SetVariablesResponse
        /// reaches the CSMS before the socket closes (a transport may still be sending it).
        /// </summary>
        public const int ReconnectDelayMs = 1000;
        private const string Component = "ocpp.auth";

        private readonly ConnectionManager _connection;
        private readonly StationDeviceModel _model;
        private readonly Variable _variable;
        private readonly IFileStore _store;
        private readonly ILog _log;
        private string _known;
        private string _previous;
        private bool _reconnectDue;
        private long _reconnectAtMs;
        private int _authFailuresSeen;
        private bool _reverting;

        public BasicAuthPasswordChange(ConnectionManager connection, StationDeviceModel model, Variable variable, IFileStore store, ILog log)
        {
            _connection = connection;
            _model = model;
            _variable = variable;
            _store = store;
            _log = log;
            _known = variable.Value;
            byte[] stored = store.Read(PreviousRecord);
            if (stored != null)
            {
                // A change was still being tried when power went: keep the fallback.
                _previous = Encoding.UTF8.GetString(stored, 0, stored.Length);
            }

            _authFailuresSeen = connection.AuthenticationFailures;
        }

        /// <summary>True while a new password has not yet been proven by a connection.</summary>
        public bool ChangePending
        {
            get { return _previous != null; }
        }

        /// <summary>Fallbacks to the previous password since boot.</summary>
        public int Fallbacks { get; private set; }

        /// <summary>The variable changed (SetVariables accepted it). Returns true when it was a change to act on.</summary>
        public bool OnVariableChanged(long nowMs)
        {
            if (_reverting)
            {
                return false;
            }

            string now = _variable.Value;
            if (now == _known)
            {
                return false;
            }

            if (_previous == null && _known != null && _known.Length > 0)
            {
                _previous = _known;
                byte[] bytes = Encoding.UTF8.GetBytes(_previous);
                try
                {
                    _store.WriteAtomic(PreviousRecord, bytes, bytes.Length);
                }
                catch (StorageFullException e)
                {
                    _log.Write(LogLevel.Error, Component, "previous password not saved; no fallback after a reboot: " + e.Message);
                }
            }

            _known = now;
            _connection.PasswordOverride = null;
            _reconnectDue = true;
            _reconnectAtMs = nowMs + ReconnectDelayMs;
            return true;
        }

        /// <summary>
        /// After the RPC pump (so the SetVariablesResponse has left): reconnect with a new password,
        /// fall back on refusal, forget the previous one on success. Returns true when it fell back.
        /// </summary>
        public bool Tick(long nowMs)
        {
            if (_reconnectDue)
            {
                if (nowMs < _reconnectAtMs)
                {
                    return false;
                }

                _reconnectDue = false;
                _authFailuresSeen = _connection.AuthenticationFailures;
                _log.Write(LogLevel.Info, Component, "BasicAuthPassword changed: reconnecting with the new password");
                _connection.Reconnect(nowMs, "BasicAuthPassword changed");
                return false;
            }

            if (_previous == null)
            {
                _authFailuresSeen = _connection.AuthenticationFailures;
                return false;
            }

            if (_connection.IsConnected && _connection.PasswordInUse == _known)
            {
                _log.Write(LogLevel.Info, Component, "connected with the new BasicAuthPassword; previous one forgotten");
                Forget();
                return false;
            }

            if (_connection.AuthenticationFailures != _authFailuresSeen)
            {
                _authFailuresSeen = _connection.AuthenticationFailures;
                if (_connection.PasswordInUse == _known)
                {
                    FallBack(nowMs);
                    return true;
                }
            }

            return false;
        }

        private void FallBack(long nowMs)
        {
            string previous = _previous;
            Fallbacks++;
            _log.Write(LogLevel.Warning, Component, "CSMS refused the new BasicAuthPassword (HTTP 401); back to the previous one");
            _reverting = true;
            try
            {
                _model.SetPersistent(_variable, AttributeType.Actual, previous);
                _model.SaveIfDirty();
            }
            finally
            {
                _reverting = false;
            }

            _known = previous;
            Forget();
            _connection.Reconnect(nowMs, "new BasicAuthPassword refused");
        }

        private void Forget()
        {
            _previous = null;
            _connection.PasswordOverride = null;
            _store.Delete(PreviousRecord);
        }
    }
}
