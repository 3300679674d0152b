// What a SQLite write-ahead log (the "-wal" file beside a database) holds, read from its
// bytes without SQLite. SQLite replays a log only up to its last commit that checks (header,
// salts, checksums), and silently ignores the rest, with any records committed there; this
// tells apart a log cut short by a crash (normal) from one damaged after records were
// committed to it. Format: https://sqlite.org/fileformat2.html#the_write_ahead_log
#pragma once

#include <span>

namespace roundtable::records::wal {

struct LogCheck {
    /// Records committed to the log that SQLite would silently not read: the log's header
    /// does not check while frames follow it, or a transaction whose frames check was
    /// committed after a frame that does not, and another transaction followed it (so it
    /// had been flushed to disk whole: the frame was damaged afterwards).
    bool damaged = false;
    /// Frames of the log's current generation that SQLite would not replay: a transaction
    /// cut short by a crash (normal), or damage in the last transaction (which looks the
    /// same, so it is not called damage; see damaged).
    bool dropsFrames = false;
};

/// Checks the whole content of a -wal file.
[[nodiscard]] LogCheck check(std::span<const unsigned char> log);

}  // namespace roundtable::records::wal
