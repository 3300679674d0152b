// A fault-injecting SQLite VFS for tests (RELIABILITY.md, promise 4). It is a "shim": it
// wraps the VFS that was the default when it was installed (on Linux, "unix"), forwards
// every call to it, and counts the calls that change what is on the disk, on every file
// SQLite opens through it (the database, its -wal and -journal, temporary files). On
// request it makes the Nth of those calls fail, or every one from the Nth on, the way a
// full disk or a failing drive would, without touching the file.
//
// It registers itself as SQLite's *default* VFS, so code that opens databases with
// sqlite3_open_v2(..., nullptr) - the record store does - goes through it without knowing.
// Between tests it is simply off: it forwards everything and only counts.
//
// What counts as a write: xWrite, xSync and xTruncate. A sync is where the operating
// system reports a write it could not complete (delayed allocation on a full disk, a dying
// drive), and SQLite's commit depends on it as much as on the write; xTruncate changes the
// file's size (a WAL reset, a checkpoint shrinking the database). Not counted: the -shm
// wal-index (a memory map SQLite rebuilds from the WAL, never written through xWrite),
// xDelete (in WAL mode it only removes an already checkpointed WAL at close), opening and
// locking.
//
// Single process, one test at a time: the settings are process-wide. To see which write
// number is which call on which file, set ROUNDTABLE_FAULTY_VFS_TRACE=1 when running.
#pragma once

namespace roundtable::test {

/// What a failed write reports. Syncs and truncations fail with SQLITE_IOERR_FSYNC and
/// SQLITE_IOERR_TRUNCATE in both cases, as the real "unix" VFS reports them.
enum class FaultKind {
    ioError,  ///< xWrite returns SQLITE_IOERR_WRITE (a failing drive)
    diskFull  ///< xWrite returns SQLITE_FULL (no space left)
};

class FaultyVfs {
  public:
    static constexpr const char* kName = "roundtable-faulty";

    /// Registers the shim as the default VFS, wrapping the current default. Call before
    /// any connection that should see faults is opened. Idempotent.
    static void install();
    /// Makes the wrapped VFS the default again. Every connection opened through the shim
    /// must be closed first.
    static void uninstall();

    /// No faults; the write count starts again from 0 (counting goes on, so a test can
    /// measure how many writes an operation takes).
    static void off();
    /// Fails only write number `n` (1-based, counted from this call); later writes work.
    static void failNth(int n, FaultKind kind = FaultKind::ioError);
    /// Fails write number `n` and every write after it (the disk stays full / broken).
    static void failFrom(int n, FaultKind kind = FaultKind::ioError);

    /// When true, an xSync that is not made to fail returns SQLITE_OK without asking the
    /// operating system to flush (it is still counted, and SQLite cannot tell). Only power
    /// loss could show the difference, which these tests do not simulate; it makes runs that
    /// commit hundreds of transactions fast. Off by default and after uninstall().
    static void skipRealSyncs(bool skip);

    /// Writes (xWrite, xSync, xTruncate) seen since the last off/failNth/failFrom.
    [[nodiscard]] static int writesSoFar();
    /// How many of them were made to fail.
    [[nodiscard]] static int faultsInjected();
    /// The code returned by the first injected failure (SQLITE_OK when none was), so a
    /// test can tell a refused write (SQLITE_FULL) from a failed sync.
    [[nodiscard]] static int firstFaultCode();
};

/// Installs the shim for the lifetime of a test case (declare it before any store, so that
/// it is destroyed after every connection is closed).
class FaultyVfsScope {
  public:
    FaultyVfsScope() { FaultyVfs::install(); }
    ~FaultyVfsScope() {
        FaultyVfs::off();
        FaultyVfs::uninstall();
    }
    FaultyVfsScope(const FaultyVfsScope&) = delete;
    FaultyVfsScope& operator=(const FaultyVfsScope&) = delete;
};

}  // namespace roundtable::test
