// Reading a write-ahead log the way SQLite's recovery does (wal.c, walIndexRecover), to see
// what it would leave out. All integers in the log are big-endian.
#include "records/WalFile.h"

#include <cstdint>
#include <cstring>

namespace roundtable::records::wal {
namespace {

constexpr std::size_t kHeaderSize = 32;
constexpr std::size_t kFrameHeaderSize = 24;
constexpr std::uint32_t kMagic = 0x377f0682;  // | 1 when checksums use big-endian words
constexpr std::uint32_t kFormatVersion = 3007000;

std::uint32_t bigEndian(const unsigned char* bytes) {
    return std::uint32_t{bytes[0]} << 24 | std::uint32_t{bytes[1]} << 16 |
           std::uint32_t{bytes[2]} << 8 | std::uint32_t{bytes[3]};
}

std::uint32_t littleEndian(const unsigned char* bytes) {
    return std::uint32_t{bytes[3]} << 24 | std::uint32_t{bytes[2]} << 16 |
           std::uint32_t{bytes[1]} << 8 | std::uint32_t{bytes[0]};
}

struct Checksum {
    std::uint32_t first = 0;
    std::uint32_t second = 0;
    bool operator==(const Checksum&) const = default;
};

/// SQLite's running checksum: pairs of 32-bit words, read in the byte order the magic names.
Checksum extend(Checksum sum, const unsigned char* data, std::size_t size, bool bigEndianWords) {
    auto word = bigEndianWords ? bigEndian : littleEndian;
    for (std::size_t at = 0; at + 8 <= size; at += 8) {
        sum.first += word(data + at) + sum.second;
        sum.second += word(data + at + 4) + sum.first;
    }
    return sum;
}

Checksum stored(const unsigned char* at) {
    return {bigEndian(at), bigEndian(at + 4)};
}

}  // namespace

LogCheck check(std::span<const unsigned char> log) {
    LogCheck result;
    if (log.size() <= kHeaderSize)
        return result;  // no frames: nothing to lose
    const unsigned char* header = log.data();
    const auto magic = bigEndian(header);
    const auto pageSize = bigEndian(header + 8);
    const bool bigEndianWords = (magic & 1) != 0;
    const auto headerSum = extend({}, header, kHeaderSize - 8, bigEndianWords);
    if ((magic & ~1u) != kMagic || bigEndian(header + 4) != kFormatVersion || pageSize < 512 ||
        pageSize > 65536 || (pageSize & (pageSize - 1)) != 0 || headerSum != stored(header + 24)) {
        // SQLite would ignore every frame. A header is written whole, and synced before any
        // frame follows it, so this is damage, not a crash.
        result.damaged = true;
        return result;
    }

    const std::size_t frameSize = kFrameHeaderSize + pageSize;
    Checksum previous = headerSum;  // each frame's sum continues the one before it
    bool replaying = true;          // every frame so far checks, as SQLite reads them
    bool commitAfterBreak = false;  // a commit that checks, after a frame that does not
    for (std::size_t at = kHeaderSize; at + kFrameHeaderSize <= log.size(); at += frameSize) {
        const unsigned char* frame = log.data() + at;
        // Frames with other salts are left from before the log was last restarted: ignored
        // by SQLite, and already in the database.
        const bool current = std::memcmp(frame + 8, header + 16, 8) == 0 && bigEndian(frame) != 0;
        if (!current) {
            replaying = false;
            continue;
        }
        const bool whole = at + frameSize <= log.size();
        const bool commit = bigEndian(frame + 4) != 0;
        // Checked from the sum stored in the frame before, so a frame after a damaged one
        // still shows whether it was written whole.
        auto sum = extend(previous, frame, 8, bigEndianWords);
        const bool checks = whole && extend(sum, frame + kFrameHeaderSize, pageSize,
                                            bigEndianWords) == stored(frame + 16);
        previous = stored(frame + 16);
        if (replaying && checks) {
            result.dropsFrames = !commit;  // frames after the last commit are not replayed
            continue;
        }
        replaying = false;
        result.dropsFrames = true;
        if (checks && commitAfterBreak) {
            // The transaction that committed after the break was followed by another, which
            // SQLite starts only once that commit is on disk: its frames were whole then.
            result.damaged = true;
        }
        commitAfterBreak = commitAfterBreak || (checks && commit);
    }
    return result;
}

}  // namespace roundtable::records::wal
