namespace Charger.Differential.Session
{
    /// <summary>Where the session writes its transcript, one line at a time (stdout on both runtimes).</summary>
    public interface ITranscript
    {
        void Line(string text);
    }
}
