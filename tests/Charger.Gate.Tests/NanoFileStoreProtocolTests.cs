using System;
using System.IO;
using Charger.Hal;
using Charger.Hal.Nano;

namespace Charger.Gate.Tests
{
    /// <summary>
    /// hal/Charger.Hal.Nano/NanoFileStore.cs on a real file system. The board's File.Move cannot replace
    /// an existing file, so WriteAtomic is write-temporary, delete, rename; these tests put the folder
    /// in each state a power cut can leave and check that readers see the old or the new record only.
    /// </summary>
    public sealed class NanoFileStoreProtocolTests : IDisposable
    {
        private readonly string _folder;
        private readonly NanoFileStore _store;

        public NanoFileStoreProtocolTests()
        {
            _folder = Path.Combine(Path.GetTempPath(), "nanostore-" + Guid.NewGuid().ToString("N"));
            _store = new NanoFileStore(_folder);
        }

        public void Dispose()
        {
            Directory.Delete(_folder, true);
        }

        [Fact]
        public void CreatesItsFolder_AndReplacesARecordWholly()
        {
            Assert.True(Directory.Exists(_folder));

            _store.WriteAtomic("config", new byte[] { 1, 2, 3, 4 }, 4);
            _store.WriteAtomic("config", new byte[] { 9, 9, 9, 9 }, 2);

            Assert.Equal(new byte[] { 9, 9 }, _store.Read("config"));
            Assert.Single(Directory.GetFiles(_folder));
        }

        [Fact]
        public void CutBeforeTheOldRecordWasDeleted_ReadsTheOldRecordAndDropsThePartialTemporary()
        {
            _store.WriteAtomic("config", new byte[] { 1, 1 }, 2);
            File.WriteAllBytes(Path.Combine(_folder, "config" + NanoFileStore.TempSuffix), new byte[] { 2 });

            Assert.Equal(new byte[] { 1, 1 }, _store.Read("config"));
            Assert.False(File.Exists(Path.Combine(_folder, "config" + NanoFileStore.TempSuffix)));
        }

        [Fact]
        public void CutBetweenDeleteAndRename_PromotesTheCompleteTemporary()
        {
            File.WriteAllBytes(Path.Combine(_folder, "tx-0001" + NanoFileStore.TempSuffix), new byte[] { 5, 6, 7 });

            Assert.True(_store.Exists("tx-0001"));
            Assert.Equal(new byte[] { 5, 6, 7 }, _store.Read("tx-0001"));
            Assert.True(File.Exists(Path.Combine(_folder, "tx-0001")));
        }

        [Fact]
        public void ListShowsRecordsInOrdinalOrder_IncludingOnesOnlyATemporaryHolds_AndNeverTemporaries()
        {
            _store.WriteAtomic("tx-b", new byte[1], 1);
            _store.WriteAtomic("tx-B", new byte[1], 1);
            _store.WriteAtomic("cfg", new byte[1], 1);
            File.WriteAllBytes(Path.Combine(_folder, "tx-a" + NanoFileStore.TempSuffix), new byte[1]);
            File.WriteAllBytes(Path.Combine(_folder, "tx-b" + NanoFileStore.TempSuffix), new byte[2]);

            string[] names = _store.List("tx-");

            Assert.Equal(new[] { "tx-B", "tx-a", "tx-b" }, names);
            Assert.Single(_store.Read("tx-b"));
        }

        [Fact]
        public void DeleteReportsWhetherThereWasARecord()
        {
            _store.WriteAtomic("auth", new byte[] { 1 }, 1);

            Assert.True(_store.Delete("auth"));
            Assert.False(_store.Delete("auth"));
            Assert.Null(_store.Read("auth"));
        }

        [Theory]
        [InlineData("a/b")]
        [InlineData("a\\b")]
        [InlineData("I:x")]
        [InlineData("")]
        [InlineData("config.new~")]
        public void RejectsNamesThatCouldEscapeTheFolderOrCollideWithATemporary(string name)
        {
            Assert.Throws<ArgumentException>(() => _store.WriteAtomic(name, new byte[1], 1));
        }

        [Fact]
        public void RejectsALengthOutsideTheBuffer_WithoutTouchingTheRecord()
        {
            _store.WriteAtomic("config", new byte[] { 1 }, 1);

            Assert.Throws<ArgumentOutOfRangeException>(() => _store.WriteAtomic("config", new byte[2], 3));
            Assert.Equal(new byte[] { 1 }, _store.Read("config"));
        }
    }
}
