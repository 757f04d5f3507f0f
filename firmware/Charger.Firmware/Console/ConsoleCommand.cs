namespace Charger.Firmware.Console
{
    /// <summary>One entry of the console's command list, as help shows it.</summary>
    public sealed class ConsoleCommand
    {
        private readonly string _name;
        private readonly string _usage;
        private readonly string _summary;
        private readonly string _detail;
        private readonly bool _privileged;

        /// <param name="name">First word the technician types ("config").</param>
        /// <param name="usage">The full form ("config set &lt;Component&gt;.&lt;Variable&gt; &lt;value&gt;").</param>
        /// <param name="summary">One short line for the help list.</param>
        /// <param name="detail">What <c>help &lt;command&gt;</c> adds; may be empty.</param>
        /// <param name="privileged">Needs <c>login</c> first.</param>
        public ConsoleCommand(string name, string usage, string summary, string detail, bool privileged)
        {
            _name = name;
            _usage = usage;
            _summary = summary;
            _detail = detail;
            _privileged = privileged;
        }

        public string Name
        {
            get { return _name; }
        }

        public string Usage
        {
            get { return _usage; }
        }

        public string Summary
        {
            get { return _summary; }
        }

        public string Detail
        {
            get { return _detail; }
        }

        public bool Privileged
        {
            get { return _privileged; }
        }
    }
}
