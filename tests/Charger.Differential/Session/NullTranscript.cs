namespace Charger.Differential.Session
{
    public sealed class NullTranscript : ITranscript
    {
        public void Line(string text)
        {
        }
    }
}
