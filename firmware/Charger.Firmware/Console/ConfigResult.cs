namespace Charger.Firmware.Console
{
    /// <summary>The answer to a console config get or set.</summary>
    public sealed class ConfigResult
    {
        private readonly ConfigStatus _status;
        private readonly string _value;
        private readonly string _reason;

        /// <param name="value">The variable's value for an accepted get; ignored otherwise.</param>
        /// <param name="reason">Why it was not accepted (read-only, out of range, write-only secret...).</param>
        public ConfigResult(ConfigStatus status, string value, string reason)
        {
            _status = status;
            _value = value == null ? "" : value;
            _reason = reason == null ? "" : reason;
        }

        public ConfigStatus Status
        {
            get { return _status; }
        }

        public string Value
        {
            get { return _value; }
        }

        public string Reason
        {
            get { return _reason; }
        }
    }
}
