// A synthetic ten-year service for the record-store benchmarks: 40 groups of 10 members,
// 50 weekly sessions each, a full register and a signed progress note for every member at
// every session (20,000 notes of 300-1500 characters of invented text), plus one group of
// 12 members x 52 sessions for the register benchmark. Everything is written through the
// real RecordStore API, deterministically (seeded): the same shape and seed give the same
// text. All names and text are invented. Because the API commits (and fsyncs) once per
// call, generating takes a while, so the database is generated once into a cache folder,
// named by a version string, and reused.
#pragma once

#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <random>
#include <string>

namespace roundtable::bench {

/// Bump whenever the generated content changes, so that a cached database is regenerated.
inline constexpr const char* kSyntheticServiceVersion = "synthetic-service-3";
/// The generator's own sign-in (KeyDerivation::fast).
inline constexpr const char* kSyntheticLogin = "bench-admin";
inline constexpr const char* kSyntheticPassphrase = "synthetic service passphrase";
/// The name of the 12 x 52 group, so the benchmark can find it.
inline constexpr const char* kRegisterGroupName = "Register group (12 members x 52 sessions)";
/// Planted in about one note in 200; no other generated text contains it.
inline constexpr const char* kSearchPhrase = "harbour lighthouse";

struct SyntheticShape {
    int groups = 40;
    int membersPerGroup = 10;
    int sessionsPerGroup = 50;
    int registerGroupMembers = 12;
    int registerGroupSessions = 52;
    std::uint64_t seed = 20261122;
};

/// What was generated, and how long it took.
struct GeneratedService {
    int groups = 0;
    int members = 0;
    int sessions = 0;
    int attendanceMarks = 0;
    int notes = 0;
    int notesWithPhrase = 0;  ///< notes that contain kSearchPhrase
    std::uint64_t noteTextBytes = 0;
    double seconds = 0.0;
};

/// A deterministic source of random choices. std::mt19937_64's output is fixed by the
/// standard, and below() maps it without the library's (unspecified) distributions, so the
/// text is the same with every standard library.
class SyntheticRandom {
  public:
    explicit SyntheticRandom(std::uint64_t seed) : engine_(seed) {}
    /// A number in [0, bound); bound > 0.
    std::uint64_t below(std::uint64_t bound) { return engine_() % bound; }
    /// A number in [low, high].
    int between(int low, int high) {
        return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1)));
    }
    /// True with probability numerator / denominator.
    bool chance(std::uint64_t numerator, std::uint64_t denominator) {
        return below(denominator) < numerator;
    }

  private:
    std::mt19937_64 engine_;
};

/// An invented progress note of 300 to 1500 characters (whole sentences), containing
/// kSearchPhrase when `withPhrase`.
[[nodiscard]] std::string inventNoteText(SyntheticRandom& random, bool withPhrase);

/// Builds the service into a new database file at `path` (which must not exist) through the
/// RecordStore API, printing progress to `progress`.
GeneratedService generateSyntheticService(const std::filesystem::path& path,
                                          const SyntheticShape& shape, std::ostream& progress);

struct CachedService {
    std::filesystem::path path;
    GeneratedService summary;  ///< as recorded when it was generated
    bool generatedNow = false;
};

/// The cached database for this version, shape and seed in `cacheDir`, generated first when
/// it is missing, cannot be opened by this build of the store, has a different schema from
/// the one this build creates, or `regenerate` is set. It is
/// generated under a temporary name and renamed, so a half-written file is never reused.
/// Callers must work on a copy: the cached file is shared between runs.
CachedService ensureSyntheticService(const std::filesystem::path& cacheDir,
                                     const SyntheticShape& shape, bool regenerate,
                                     std::ostream& progress);

}  // namespace roundtable::bench
