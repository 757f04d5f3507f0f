namespace Charger.Ocpp.Rpc
{
    /// <summary>
    /// Bounded ring of text frames between the transport thread (producer) and the tick
    /// (consumer). A full queue drops the new frame and counts it: the tick decides what to log,
    /// the transport thread never blocks or allocates beyond the ring.
    /// </summary>
    public sealed class FrameQueue
    {
        private readonly string[] _frames;
        private readonly object _lock = new object();
        private int _head;
        private int _count;
        private long _dropped;

        public FrameQueue(int capacity)
        {
            _frames = new string[capacity];
        }

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _count;
                }
            }
        }

        public int Capacity
        {
            get { return _frames.Length; }
        }

        /// <summary>Frames refused because the queue was full, since creation.</summary>
        public long Dropped
        {
            get
            {
                lock (_lock)
                {
                    return _dropped;
                }
            }
        }

        public bool TryEnqueue(string frame)
        {
            lock (_lock)
            {
                if (_count == _frames.Length)
                {
                    _dropped++;
                    return false;
                }

                _frames[(_head + _count) % _frames.Length] = frame;
                _count++;
                return true;
            }
        }

        /// <summary>The oldest frame, or null when empty.</summary>
        public string TryDequeue()
        {
            lock (_lock)
            {
                if (_count == 0)
                {
                    return null;
                }

                string frame = _frames[_head];
                _frames[_head] = null;
                _head = (_head + 1) % _frames.Length;
                _count--;
                return frame;
            }
        }

        public void Clear()
        {
            lock (_lock)
            {
                while (_count > 0)
                {
                    _frames[_head] = null;
                    _head = (_head + 1) % _frames.Length;
                    _count--;
                }
            }
        }
    }
}
