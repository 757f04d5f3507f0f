namespace Charger.Ocpp.Transactions
{
    /// <summary>A member list and its flags, re-parsed when the text object changes.</summary>
    public sealed class ParsedMemberList
    {
        private readonly bool _txPoints;
        private string _text;
        private int _flags;

        public ParsedMemberList(bool txPoints)
        {
            _txPoints = txPoints;
        }

        public int Flags(string text)
        {
            if ((object)text != (object)_text)
            {
                _text = text;
                _flags = _txPoints ? TxPoint.Parse(text) : Measurands.Parse(text);
            }

            return _flags;
        }
    }
}
