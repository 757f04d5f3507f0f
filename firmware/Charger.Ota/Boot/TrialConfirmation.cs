namespace Charger.Ota.Boot
{
    /// <summary>
    /// Connects the <see cref="SelfTestPolicy"/> to the boot context: on a trial image, the first
    /// Passed confirms it and the first Failed rolls it back and asks for a reboot. On a confirmed
    /// image it does nothing.
    /// </summary>
    public sealed class TrialConfirmation
    {
        private readonly IBootContext _context;
        private readonly SelfTestPolicy _policy;
        private bool _acted;
        private SelfTestVerdict _final = SelfTestVerdict.Pending;

        public TrialConfirmation(IBootContext context, SelfTestPolicy policy)
        {
            _context = context;
            _policy = policy;
        }

        /// <summary>True once a failed self-test rolled the trial back: the application should reboot.</summary>
        public bool RebootRequested { get; private set; }

        public SelfTestVerdict Tick(long nowMs, bool chargeControlHealthy, bool registrationAccepted, bool online)
        {
            if (_acted)
            {
                return _final;
            }

            if (!_context.IsTrial)
            {
                // A confirmed image has nothing to prove.
                _acted = true;
                _final = SelfTestVerdict.Passed;
                return _final;
            }

            SelfTestVerdict verdict = _policy.Update(nowMs, chargeControlHealthy, registrationAccepted, online);
            if (verdict == SelfTestVerdict.Passed)
            {
                _context.ConfirmSelfTestPassed();
                _acted = true;
                _final = verdict;
            }
            else if (verdict == SelfTestVerdict.Failed)
            {
                _context.ReportSelfTestFailed();
                RebootRequested = true;
                _acted = true;
                _final = verdict;
            }

            return verdict;
        }
    }
}
