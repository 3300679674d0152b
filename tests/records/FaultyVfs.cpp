// The fault-injecting shim VFS (see FaultyVfs.h). Modelled on SQLite's own test VFSes
// (src/test_vfs.c, ext/misc/vfstrace.c): each file SQLite opens is our small struct
// followed in the same allocation by the wrapped VFS's file, and every method forwards.
#include "records/FaultyVfs.h"

#include <sqlite3.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace roundtable::test {
namespace {

enum class Mode { off, nth, from };

// Process-wide settings. Atomics because SQLite may call the VFS from any thread that uses
// a connection; the tests themselves run one connection at a time.
std::atomic<Mode> gMode{Mode::off};
std::atomic<FaultKind> gKind{FaultKind::ioError};
std::atomic<int> gFailAt{0};
std::atomic<int> gWrites{0};
std::atomic<int> gInjected{0};
std::atomic<int> gFirstFault{SQLITE_OK};
std::atomic<bool> gSkipRealSyncs{false};
bool gTrace = false;  // ROUNDTABLE_FAULTY_VFS_TRACE set at install: list every write on stderr

sqlite3_vfs* gReal = nullptr;  // the VFS we wrap (the default at install time)
sqlite3_vfs gShim{};
bool gInstalled = false;

/// Counts one write-like call; returns SQLITE_OK to let it through, or `failure` when this
/// call is one the test asked to fail.
int countWrite(const char* call, const char* file, int failure) {
    int number = ++gWrites;
    Mode mode = gMode.load();
    bool fail = (mode == Mode::nth && number == gFailAt.load()) ||
                (mode == Mode::from && number >= gFailAt.load());
    if (gTrace)
        std::fprintf(stderr, "roundtable-faulty: write %d: %s %s%s\n", number, call,
                     file ? file : "(temporary file)", fail ? " -> FAILS" : "");
    if (!fail)
        return SQLITE_OK;
    if (++gInjected == 1)
        gFirstFault = failure;
    return failure;
}

// ---- the file wrapper ----------------------------------------------------------------

struct ShimFile {
    sqlite3_file base;   // what SQLite sees; must come first
    sqlite3_file* real;  // the wrapped VFS's file, stored right after this struct
    const char* name;    // for tracing; SQLite keeps it valid until xClose
};

const char* nameOf(sqlite3_file* file) {
    return reinterpret_cast<ShimFile*>(file)->name;
}

sqlite3_file* real(sqlite3_file* file) {
    return reinterpret_cast<ShimFile*>(file)->real;
}

int shimClose(sqlite3_file* file) {
    auto* inner = real(file);
    int code = inner->pMethods ? inner->pMethods->xClose(inner) : SQLITE_OK;
    file->pMethods = nullptr;
    return code;
}

int shimRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
    return real(file)->pMethods->xRead(real(file), buffer, amount, offset);
}

int shimWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
    // The failure happens before anything reaches the file, as with a disk that refuses
    // the write outright: the file keeps its old bytes.
    int failure = gKind.load() == FaultKind::diskFull ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    if (int code = countWrite("xWrite", nameOf(file), failure); code != SQLITE_OK)
        return code;
    return real(file)->pMethods->xWrite(real(file), buffer, amount, offset);
}

int shimTruncate(sqlite3_file* file, sqlite3_int64 size) {
    if (int code = countWrite("xTruncate", nameOf(file), SQLITE_IOERR_TRUNCATE); code != SQLITE_OK)
        return code;
    return real(file)->pMethods->xTruncate(real(file), size);
}

int shimSync(sqlite3_file* file, int flags) {
    // An fsync that fails leaves the earlier writes of unknown durability; SQLite must
    // treat the transaction as not committed, which is what this checks.
    if (int code = countWrite("xSync", nameOf(file), SQLITE_IOERR_FSYNC); code != SQLITE_OK)
        return code;
    if (gSkipRealSyncs.load())
        return SQLITE_OK;
    return real(file)->pMethods->xSync(real(file), flags);
}

int shimFileSize(sqlite3_file* file, sqlite3_int64* size) {
    return real(file)->pMethods->xFileSize(real(file), size);
}
int shimLock(sqlite3_file* file, int level) {
    return real(file)->pMethods->xLock(real(file), level);
}
int shimUnlock(sqlite3_file* file, int level) {
    return real(file)->pMethods->xUnlock(real(file), level);
}
int shimCheckReservedLock(sqlite3_file* file, int* result) {
    return real(file)->pMethods->xCheckReservedLock(real(file), result);
}
int shimFileControl(sqlite3_file* file, int op, void* argument) {
    return real(file)->pMethods->xFileControl(real(file), op, argument);
}
int shimSectorSize(sqlite3_file* file) {
    return real(file)->pMethods->xSectorSize(real(file));
}
int shimDeviceCharacteristics(sqlite3_file* file) {
    return real(file)->pMethods->xDeviceCharacteristics(real(file));
}
// Version 2: the WAL's shared-memory index. Not counted (see the header).
int shimShmMap(sqlite3_file* file, int page, int pageSize, int extend, void volatile** out) {
    return real(file)->pMethods->xShmMap(real(file), page, pageSize, extend, out);
}
int shimShmLock(sqlite3_file* file, int offset, int count, int flags) {
    return real(file)->pMethods->xShmLock(real(file), offset, count, flags);
}
void shimShmBarrier(sqlite3_file* file) {
    real(file)->pMethods->xShmBarrier(real(file));
}
int shimShmUnmap(sqlite3_file* file, int deleteFlag) {
    return real(file)->pMethods->xShmUnmap(real(file), deleteFlag);
}
// Version 3: memory-mapped reads (SQLite never writes through the map).
int shimFetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** out) {
    return real(file)->pMethods->xFetch(real(file), offset, amount, out);
}
int shimUnfetch(sqlite3_file* file, sqlite3_int64 offset, void* page) {
    return real(file)->pMethods->xUnfetch(real(file), offset, page);
}

/// One method table per io_methods version: a wrapped file must not claim methods its
/// real file lacks (SQLite looks at iVersion to decide, for example, whether WAL works).
sqlite3_io_methods makeMethods(int version) {
    sqlite3_io_methods methods{};
    methods.iVersion = version;
    methods.xClose = shimClose;
    methods.xRead = shimRead;
    methods.xWrite = shimWrite;
    methods.xTruncate = shimTruncate;
    methods.xSync = shimSync;
    methods.xFileSize = shimFileSize;
    methods.xLock = shimLock;
    methods.xUnlock = shimUnlock;
    methods.xCheckReservedLock = shimCheckReservedLock;
    methods.xFileControl = shimFileControl;
    methods.xSectorSize = shimSectorSize;
    methods.xDeviceCharacteristics = shimDeviceCharacteristics;
    if (version >= 2) {
        methods.xShmMap = shimShmMap;
        methods.xShmLock = shimShmLock;
        methods.xShmBarrier = shimShmBarrier;
        methods.xShmUnmap = shimShmUnmap;
    }
    if (version >= 3) {
        methods.xFetch = shimFetch;
        methods.xUnfetch = shimUnfetch;
    }
    return methods;
}

const sqlite3_io_methods kMethods[] = {makeMethods(1), makeMethods(2), makeMethods(3)};

// ---- the VFS ---------------------------------------------------------------------------

int shimOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
    auto* shim = reinterpret_cast<ShimFile*>(file);
    shim->real = reinterpret_cast<sqlite3_file*>(shim + 1);
    shim->name = name;
    // The name is passed on unchanged: the real VFS finds URI parameters and, for a -wal or
    // -journal, the main database's name through this very pointer.
    int code = gReal->xOpen(gReal, name, shim->real, flags, outFlags);
    const sqlite3_io_methods* inner = shim->real->pMethods;
    if (inner == nullptr) {
        // SQLite calls xClose only when pMethods is set; nothing is open to close.
        file->pMethods = nullptr;
        return code;
    }
    int version = inner->iVersion < 1 ? 1 : (inner->iVersion > 3 ? 3 : inner->iVersion);
    file->pMethods = &kMethods[version - 1];
    return code;
}

// Everything else goes straight to the wrapped VFS, with the wrapped VFS as `this` (the
// "unix" VFS reads its own pAppData).
int shimDelete(sqlite3_vfs*, const char* name, int syncDir) {
    return gReal->xDelete(gReal, name, syncDir);
}
int shimAccess(sqlite3_vfs*, const char* name, int flags, int* result) {
    return gReal->xAccess(gReal, name, flags, result);
}
int shimFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return gReal->xFullPathname(gReal, name, size, out);
}
void* shimDlOpen(sqlite3_vfs*, const char* name) {
    return gReal->xDlOpen(gReal, name);
}
void shimDlError(sqlite3_vfs*, int size, char* message) {
    gReal->xDlError(gReal, size, message);
}
void (*shimDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return gReal->xDlSym(gReal, handle, symbol);
}
void shimDlClose(sqlite3_vfs*, void* handle) {
    gReal->xDlClose(gReal, handle);
}
int shimRandomness(sqlite3_vfs*, int size, char* out) {
    return gReal->xRandomness(gReal, size, out);
}
int shimSleep(sqlite3_vfs*, int microseconds) {
    return gReal->xSleep(gReal, microseconds);
}
int shimCurrentTime(sqlite3_vfs*, double* now) {
    return gReal->xCurrentTime(gReal, now);
}
int shimGetLastError(sqlite3_vfs*, int size, char* message) {
    return gReal->xGetLastError(gReal, size, message);
}
int shimCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* now) {
    return gReal->xCurrentTimeInt64(gReal, now);
}
int shimSetSystemCall(sqlite3_vfs*, const char* name, sqlite3_syscall_ptr call) {
    return gReal->xSetSystemCall(gReal, name, call);
}
sqlite3_syscall_ptr shimGetSystemCall(sqlite3_vfs*, const char* name) {
    return gReal->xGetSystemCall(gReal, name);
}
const char* shimNextSystemCall(sqlite3_vfs*, const char* name) {
    return gReal->xNextSystemCall(gReal, name);
}

void setMode(Mode mode, int failAt, FaultKind kind) {
    gMode = Mode::off;  // never fail with half-updated settings
    gWrites = 0;
    gInjected = 0;
    gFirstFault = SQLITE_OK;
    gFailAt = failAt;
    gKind = kind;
    gMode = mode;
}

}  // namespace

void FaultyVfs::install() {
    if (gInstalled)
        return;
    if (sqlite3_initialize() != SQLITE_OK)
        throw std::runtime_error("sqlite3_initialize failed");
    gReal = sqlite3_vfs_find(nullptr);
    gTrace = std::getenv("ROUNDTABLE_FAULTY_VFS_TRACE") != nullptr;
    if (gReal == nullptr)
        throw std::runtime_error("SQLite has no default VFS to wrap");

    gShim = sqlite3_vfs{};
    // Claim no more than the wrapped VFS offers: SQLite only calls the newer methods of a
    // VFS whose iVersion says it has them, and we forward to the same slots.
    gShim.iVersion = gReal->iVersion > 3 ? 3 : gReal->iVersion;
    gShim.szOsFile = static_cast<int>(sizeof(ShimFile)) + gReal->szOsFile;
    gShim.mxPathname = gReal->mxPathname;
    gShim.zName = kName;
    gShim.xOpen = shimOpen;
    gShim.xDelete = shimDelete;
    gShim.xAccess = shimAccess;
    gShim.xFullPathname = shimFullPathname;
    gShim.xDlOpen = shimDlOpen;
    gShim.xDlError = shimDlError;
    gShim.xDlSym = shimDlSym;
    gShim.xDlClose = shimDlClose;
    gShim.xRandomness = shimRandomness;
    gShim.xSleep = shimSleep;
    gShim.xCurrentTime = shimCurrentTime;
    gShim.xGetLastError = shimGetLastError;
    gShim.xCurrentTimeInt64 = shimCurrentTimeInt64;
    gShim.xSetSystemCall = shimSetSystemCall;
    gShim.xGetSystemCall = shimGetSystemCall;
    gShim.xNextSystemCall = shimNextSystemCall;

    setMode(Mode::off, 0, FaultKind::ioError);
    // makeDefault = 1: connections opened with a null VFS name (the record store's) use it.
    if (sqlite3_vfs_register(&gShim, 1) != SQLITE_OK) {
        throw std::runtime_error("could not register the roundtable-faulty VFS");
    }
    gInstalled = true;
}

void FaultyVfs::uninstall() {
    if (!gInstalled)
        return;
    setMode(Mode::off, 0, FaultKind::ioError);
    gSkipRealSyncs = false;
    sqlite3_vfs_unregister(&gShim);
    // Registering an already registered VFS only moves it: make the wrapped one the default
    // again explicitly rather than relying on the list order.
    sqlite3_vfs_register(gReal, 1);
    gInstalled = false;
}

void FaultyVfs::off() {
    setMode(Mode::off, 0, FaultKind::ioError);
}

void FaultyVfs::failNth(int n, FaultKind kind) {
    setMode(Mode::nth, n, kind);
}

void FaultyVfs::failFrom(int n, FaultKind kind) {
    setMode(Mode::from, n, kind);
}

void FaultyVfs::skipRealSyncs(bool skip) {
    gSkipRealSyncs = skip;
}

int FaultyVfs::writesSoFar() {
    return gWrites.load();
}

int FaultyVfs::faultsInjected() {
    return gInjected.load();
}

int FaultyVfs::firstFaultCode() {
    return gFirstFault.load();
}

}  // namespace roundtable::test
