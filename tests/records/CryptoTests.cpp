// The encryption core on its own (RELIABILITY #6-#9): field ciphertexts bound to their
// place and to every bit of themselves, no repeated nonces, keys really wiped, passphrase
// and recovery-key wraps that open only with the right secret and context.
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "records/Crypto.h"
#include "records/Types.h"

using namespace roundtable::records::crypto;

namespace {

const std::string kAwkwardName = "Zo\xC3\xAB O'Brien \xE2\x80\x93 Caf\xC3\xA9";
constexpr std::size_t kNonceBytes = 24;
constexpr std::size_t kTagBytes = 16;

std::vector<unsigned char> bytesOf(const SecretKey& key) {
    return {key.data(), key.data() + SecretKey::kBytes};
}

bool allZero(std::span<const unsigned char> bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](unsigned char b) { return b == 0; });
}

bool sameKey(const SecretKey& a, const SecretKey& b) {
    return bytesOf(a) == bytesOf(b);
}

}  // namespace

TEST_CASE("seal and open round-trip UTF-8 text, the empty string and long text") {
    const SecretKey key = SecretKey::random();
    const std::string longText(10000, 'x');
    for (const std::string& text : {kAwkwardName, std::string(), longText}) {
        const Bytes sealed = seal(key, text, "members/name/1");
        CHECK(sealed.size() == kNonceBytes + text.size() + kTagBytes);
        const auto opened = open(key, sealed, "members/name/1");
        REQUIRE(opened.has_value());
        CHECK(*opened == text);
    }
}

TEST_CASE("the ciphertext does not contain the plaintext and differs each time") {
    const SecretKey key = SecretKey::random();
    const Bytes first = seal(key, kAwkwardName, "members/name/1");
    const Bytes second = seal(key, kAwkwardName, "members/name/1");
    CHECK(first != second);
    const std::string asText(first.begin(), first.end());
    CHECK(asText.find("Brien") == std::string::npos);
}

TEST_CASE("flipping any single bit of a sealed value makes it fail to open") {
    const SecretKey key = SecretKey::random();
    // 60 bytes of text + 24 nonce + 16 tag = a 100-byte sealed value, 800 bits.
    const std::string text = "Session notes: " + kAwkwardName + " took part and spoke up!!";
    const Bytes sealed = seal(key, text, "notes/text/7");
    REQUIRE(open(key, sealed, "notes/text/7") == text);
    const std::size_t bits = sealed.size() * 8;
    CHECK(bits >= 700);
    std::size_t failures = 0;
    for (std::size_t bit = 0; bit < bits; ++bit) {
        Bytes altered = sealed;
        altered[bit / 8] ^= static_cast<unsigned char>(1u << (bit % 8));
        if (!open(key, altered, "notes/text/7").has_value()) {
            ++failures;
        }
    }
    CHECK(failures == bits);
}

TEST_CASE("truncated or extended sealed values fail to open") {
    const SecretKey key = SecretKey::random();
    const Bytes sealed = seal(key, kAwkwardName, "members/name/1");
    for (std::size_t size = 0; size < sealed.size(); ++size) {
        const Bytes shorter(sealed.begin(), sealed.begin() + static_cast<std::ptrdiff_t>(size));
        CHECK_FALSE(open(key, shorter, "members/name/1").has_value());
    }
    Bytes longer = sealed;
    longer.push_back(0);
    CHECK_FALSE(open(key, longer, "members/name/1").has_value());
}

TEST_CASE("a ciphertext moved to another table, column or row does not open") {
    const SecretKey key = SecretKey::random();
    const Bytes sealed = seal(key, kAwkwardName, "members/name/1");
    CHECK(open(key, sealed, "members/name/1") == kAwkwardName);
    CHECK_FALSE(open(key, sealed, "members/name/2").has_value());
    CHECK_FALSE(open(key, sealed, "members/name/10").has_value());
    CHECK_FALSE(open(key, sealed, "members/code/1").has_value());
    CHECK_FALSE(open(key, sealed, "notes/text/1").has_value());
    CHECK_FALSE(open(key, sealed, "").has_value());
}

TEST_CASE("a wrong key does not open a ciphertext") {
    const SecretKey key = SecretKey::random();
    const SecretKey other = SecretKey::random();
    const Bytes sealed = seal(key, kAwkwardName, "members/name/1");
    CHECK_FALSE(open(other, sealed, "members/name/1").has_value());
}

TEST_CASE("no nonce repeats over a million encryptions") {
    const SecretKey key = SecretKey::random();
    constexpr std::size_t kCount = 1'000'000;
    std::vector<std::array<unsigned char, kNonceBytes>> nonces(kCount);
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < kCount; ++i) {
        const Bytes sealed = seal(key, "note " + std::to_string(i), "notes/text/1");
        std::memcpy(nonces[i].data(), sealed.data(), kNonceBytes);
    }
    std::sort(nonces.begin(), nonces.end());
    nonces.erase(std::unique(nonces.begin(), nonces.end()), nonces.end());
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
    CHECK(nonces.size() == kCount);
    MESSAGE("1,000,000 seals and nonce check: " << elapsed.count() << " s");
}

TEST_CASE("keys: random keys differ, fromBytes copies, wrong sizes are refused") {
    const SecretKey a = SecretKey::random();
    const SecretKey b = SecretKey::random();
    CHECK_FALSE(a.empty());
    CHECK_FALSE(sameKey(a, b));
    CHECK_FALSE(allZero(a.memoryForTests()));

    const std::vector<unsigned char> raw = bytesOf(a);
    const SecretKey copy = SecretKey::fromBytes(raw);
    CHECK(sameKey(a, copy));
    CHECK(copy.data() != a.data());  // its own memory, not a view of the other key

    const std::vector<unsigned char> tooShort(SecretKey::kBytes - 1, 1);
    const std::vector<unsigned char> tooLong(SecretKey::kBytes + 1, 1);
    CHECK_THROWS_AS(SecretKey::fromBytes(tooShort), std::invalid_argument);
    CHECK_THROWS_AS(SecretKey::fromBytes(tooLong), std::invalid_argument);
}

TEST_CASE("wipe zeroes every byte of the key memory") {
    SecretKey key = SecretKey::random();
    const std::span<const unsigned char> memory = key.memoryForTests();
    REQUIRE(memory.size() == SecretKey::kBytes);
    REQUIRE_FALSE(allZero(memory));
    key.wipe();
    CHECK(key.empty());
    CHECK(allZero(key.memoryForTests()));
    CHECK(allZero(memory));  // the same memory, not a fresh buffer
    CHECK_THROWS_AS((void)key.data(), std::logic_error);
    CHECK_THROWS_AS((void)seal(key, "text", "notes/text/1"), std::logic_error);
}

TEST_CASE("moving a key leaves the source empty") {
    SecretKey source = SecretKey::random();
    const std::vector<unsigned char> raw = bytesOf(source);
    SecretKey moved = std::move(source);
    CHECK(source.empty());  // NOLINT(bugprone-use-after-move): checking the moved-from state
    CHECK(source.memoryForTests().empty());
    CHECK_THROWS_AS((void)source.data(), std::logic_error);
    CHECK(bytesOf(moved) == raw);

    SecretKey target = SecretKey::random();
    target = std::move(moved);
    CHECK(bytesOf(target) == raw);
    CHECK(moved.empty());  // NOLINT(bugprone-use-after-move)
}

TEST_CASE("Argon2id parameters: moderate and interactive meet the promised minimum") {
    constexpr std::size_t kMiB = 1024 * 1024;
    CHECK(KdfParameters::moderate().memLimitBytes >= 256 * kMiB);
    CHECK(KdfParameters::interactive().memLimitBytes >= 64 * kMiB);
    CHECK(KdfParameters::moderate().opsLimit >= KdfParameters::interactive().opsLimit);
    CHECK(KdfParameters::interactive().opsLimit >= 1);
}

TEST_CASE("a passphrase wrap opens with the right passphrase and context only") {
    const SecretKey dataKey = SecretKey::random();
    const KdfParameters kdf = KdfParameters::interactive();
    const std::string passphrase = "correct horse " + kAwkwardName;
    const PassphraseWrap wrap = wrapWithPassphrase(dataKey, passphrase, kdf, "user:3");

    CHECK(wrap.kdf.opsLimit == kdf.opsLimit);
    CHECK(wrap.kdf.memLimitBytes == kdf.memLimitBytes);
    CHECK(wrap.salt.size() == 16);
    CHECK(wrap.wrappedKey.size() == kNonceBytes + SecretKey::kBytes + kTagBytes);

    const auto unwrapped = unwrapWithPassphrase(wrap, passphrase, "user:3");
    REQUIRE(unwrapped.has_value());
    CHECK(sameKey(*unwrapped, dataKey));

    CHECK_FALSE(unwrapWithPassphrase(wrap, "correct horse battery", "user:3").has_value());
    CHECK_FALSE(unwrapWithPassphrase(wrap, passphrase + " ", "user:3").has_value());
    CHECK_FALSE(unwrapWithPassphrase(wrap, passphrase, "user:4").has_value());

    // A salt from another wrap derives another key.
    PassphraseWrap otherSalt = wrap;
    otherSalt.salt[0] ^= 1;
    CHECK_FALSE(unwrapWithPassphrase(otherSalt, passphrase, "user:3").has_value());

    // The same passphrase wrapped twice gives unrelated wraps (fresh salt and nonce).
    const PassphraseWrap again = wrapWithPassphrase(dataKey, passphrase, kdf, "user:3");
    CHECK(again.salt != wrap.salt);
    CHECK(again.wrappedKey != wrap.wrappedKey);
}

TEST_CASE("a passphrase wrap with damaged parameters is reported, not mistaken") {
    const SecretKey dataKey = SecretKey::random();
    const PassphraseWrap wrap =
        wrapWithPassphrase(dataKey, "a long passphrase", KdfParameters::interactive(), "user:1");
    PassphraseWrap weak = wrap;
    weak.kdf.memLimitBytes = 8192;
    CHECK_THROWS_AS((void)unwrapWithPassphrase(weak, "a long passphrase", "user:1"),
                    roundtable::records::StoreError);
    PassphraseWrap shortSalt = wrap;
    shortSalt.salt.pop_back();
    CHECK_THROWS_AS((void)unwrapWithPassphrase(shortSalt, "a long passphrase", "user:1"),
                    roundtable::records::StoreError);
    PassphraseWrap truncated = wrap;
    truncated.wrappedKey.pop_back();
    CHECK_FALSE(unwrapWithPassphrase(truncated, "a long passphrase", "user:1").has_value());

    KdfParameters tooWeak = KdfParameters::interactive();
    tooWeak.memLimitBytes /= 2;
    CHECK_THROWS_AS((void)wrapWithPassphrase(dataKey, "a long passphrase", tooWeak, "user:1"),
                    std::invalid_argument);
}

TEST_CASE("a passphrase wrap with the default moderate parameters works") {
    const SecretKey dataKey = SecretKey::random();
    const KdfParameters kdf = KdfParameters::moderate();
    const auto start = std::chrono::steady_clock::now();
    const PassphraseWrap wrap = wrapWithPassphrase(dataKey, "moderate passphrase", kdf, "user:1");
    const auto wrapped = std::chrono::steady_clock::now();
    const auto unwrapped = unwrapWithPassphrase(wrap, "moderate passphrase", "user:1");
    const auto done = std::chrono::steady_clock::now();

    CHECK(wrap.kdf.memLimitBytes == kdf.memLimitBytes);
    CHECK(wrap.kdf.opsLimit == kdf.opsLimit);
    REQUIRE(unwrapped.has_value());
    CHECK(sameKey(*unwrapped, dataKey));
    const double unlockSeconds = std::chrono::duration<double>(done - wrapped).count();
    CHECK(unlockSeconds < 5.0);  // RELIABILITY #7: unlock well under 5 s
    MESSAGE("moderate wrap " << std::chrono::duration<double>(wrapped - start).count()
                             << " s, unwrap " << unlockSeconds << " s");
}

TEST_CASE("a recovery key is 13 groups of 4 base32 characters and parses back") {
    const RecoveryKey recovery = newRecoveryKey();
    const std::string& text = recovery.text;
    CHECK(text.size() == 13 * 4 + 12);
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i % 5 == 4) {
            CHECK(text[i] == '-');
        } else {
            const char c = text[i];
            CHECK(((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7')));
        }
    }

    const auto parsed = parseRecoveryKey(text);
    REQUIRE(parsed.has_value());
    CHECK(sameKey(*parsed, recovery.key));

    std::string lowerNoDashes;
    std::string spaced;
    for (const char c : text) {
        if (c != '-') {
            lowerNoDashes += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        }
        spaced += c == '-' ? ' ' : c;
    }
    const auto fromLower = parseRecoveryKey(lowerNoDashes);
    REQUIRE(fromLower.has_value());
    CHECK(sameKey(*fromLower, recovery.key));
    const auto fromSpaced = parseRecoveryKey(" " + spaced + " ");
    REQUIRE(fromSpaced.has_value());
    CHECK(sameKey(*fromSpaced, recovery.key));

    // Two recovery keys are different keys with different texts.
    const RecoveryKey another = newRecoveryKey();
    CHECK(another.text != text);
    CHECK_FALSE(sameKey(another.key, recovery.key));
}

TEST_CASE("recovery key text encodes the bytes as RFC 4648 base32") {
    // Decode independently of the code under test and compare with the key bytes.
    const RecoveryKey recovery = newRecoveryKey();
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::vector<int> bits;
    for (const char c : recovery.text) {
        if (c == '-') {
            continue;
        }
        const auto value = static_cast<int>(alphabet.find(c));
        REQUIRE(value >= 0);
        for (int b = 4; b >= 0; --b) {
            bits.push_back((value >> b) & 1);
        }
    }
    REQUIRE(bits.size() == 260);
    std::vector<unsigned char> bytes;
    for (std::size_t i = 0; i + 8 <= bits.size(); i += 8) {
        int byte = 0;
        for (std::size_t b = 0; b < 8; ++b) {
            byte = (byte << 1) | bits[i + b];
        }
        bytes.push_back(static_cast<unsigned char>(byte));
    }
    CHECK(bytes == bytesOf(recovery.key));
    CHECK(std::all_of(bits.begin() + 256, bits.end(), [](int b) { return b == 0; }));
}

TEST_CASE("malformed recovery key text is refused") {
    const RecoveryKey recovery = newRecoveryKey();
    const std::string text = recovery.text;

    std::string wrongChar = text;
    wrongChar[0] = '1';
    CHECK_FALSE(parseRecoveryKey(wrongChar).has_value());
    wrongChar[0] = '0';
    CHECK_FALSE(parseRecoveryKey(wrongChar).has_value());
    wrongChar[0] = '=';
    CHECK_FALSE(parseRecoveryKey(wrongChar).has_value());

    CHECK_FALSE(parseRecoveryKey(text.substr(0, text.size() - 1)).has_value());
    CHECK_FALSE(parseRecoveryKey(text.substr(0, text.size() - 5)).has_value());
    CHECK_FALSE(parseRecoveryKey(text + "A").has_value());
    CHECK_FALSE(parseRecoveryKey("").has_value());
    CHECK_FALSE(parseRecoveryKey("----").has_value());

    // The last character carries one bit of key and four zero bits: any other value in
    // those four bits is not a text we could have printed.
    std::string badPadding = text;
    const char last = badPadding.back();
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    const auto value = alphabet.find(last);
    REQUIRE(value != std::string::npos);
    CHECK((value & 0x0F) == 0);
    badPadding.back() = alphabet[value | 0x01];
    CHECK_FALSE(parseRecoveryKey(badPadding).has_value());

    // A typo in the middle still parses (base32 has no checksum) but gives another key,
    // which then fails to unwrap the data key.
    std::string typo = text;
    typo[6] = typo[6] == 'A' ? 'B' : 'A';
    const auto typoKey = parseRecoveryKey(typo);
    REQUIRE(typoKey.has_value());
    CHECK_FALSE(sameKey(*typoKey, recovery.key));
}

TEST_CASE("a key wrap opens with the right key and context only") {
    const SecretKey dataKey = SecretKey::random();
    const RecoveryKey recovery = newRecoveryKey();
    const Bytes wrapped = wrapWithKey(dataKey, recovery.key, "recovery");
    CHECK(wrapped.size() == kNonceBytes + SecretKey::kBytes + kTagBytes);

    const auto unwrapped = unwrapWithKey(wrapped, recovery.key, "recovery");
    REQUIRE(unwrapped.has_value());
    CHECK(sameKey(*unwrapped, dataKey));

    CHECK_FALSE(unwrapWithKey(wrapped, SecretKey::random(), "recovery").has_value());
    CHECK_FALSE(unwrapWithKey(wrapped, recovery.key, "user:1").has_value());
    Bytes altered = wrapped;
    altered.back() ^= 0x80;
    CHECK_FALSE(unwrapWithKey(altered, recovery.key, "recovery").has_value());
    const Bytes truncated(wrapped.begin(), wrapped.end() - 1);
    CHECK_FALSE(unwrapWithKey(truncated, recovery.key, "recovery").has_value());

    // Key wraps and field ciphertexts live in separate domains: neither opens as the other
    // even with the same key and the same context string.
    CHECK_FALSE(open(recovery.key, wrapped, "recovery").has_value());
    const Bytes field = seal(recovery.key, std::string(32, 'k'), "recovery");
    CHECK_FALSE(unwrapWithKey(field, recovery.key, "recovery").has_value());
}

TEST_CASE("the recovery key text alone recovers the data key and every note") {
    // RELIABILITY #9 at this layer: only the printed text survives, every passphrase is gone.
    std::string printed;
    Bytes wrappedByRecovery;
    std::vector<Bytes> notes;
    {
        const SecretKey dataKey = SecretKey::random();
        const RecoveryKey recovery = newRecoveryKey();
        printed = recovery.text;
        wrappedByRecovery = wrapWithKey(dataKey, recovery.key, "recovery");
        for (int i = 0; i < 5; ++i) {
            notes.push_back(seal(dataKey, kAwkwardName + " note " + std::to_string(i),
                                 "notes/text/" + std::to_string(i)));
        }
    }
    const auto recoveryKey = parseRecoveryKey(printed);
    REQUIRE(recoveryKey.has_value());
    const auto dataKey = unwrapWithKey(wrappedByRecovery, *recoveryKey, "recovery");
    REQUIRE(dataKey.has_value());
    for (int i = 0; i < 5; ++i) {
        CHECK(
            open(*dataKey, notes[static_cast<std::size_t>(i)], "notes/text/" + std::to_string(i)) ==
            kAwkwardName + " note " + std::to_string(i));
    }
}

TEST_CASE("deriveSubkey is deterministic and separates ids and contexts") {
    const SecretKey key = SecretKey::random();
    const SecretKey audit1 = deriveSubkey(key, 1, "rtaudit1");
    const SecretKey audit1Again = deriveSubkey(key, 1, "rtaudit1");
    CHECK(sameKey(audit1, audit1Again));
    CHECK_FALSE(sameKey(audit1, key));
    CHECK_FALSE(sameKey(audit1, deriveSubkey(key, 2, "rtaudit1")));
    CHECK_FALSE(sameKey(audit1, deriveSubkey(key, 1, "rtaudit2")));
    CHECK_FALSE(sameKey(audit1, deriveSubkey(SecretKey::random(), 1, "rtaudit1")));

    // Rebuilt from the same key bytes (as after an unlock), the subkey is the same.
    const SecretKey rebuilt = SecretKey::fromBytes(bytesOf(key));
    CHECK(sameKey(audit1, deriveSubkey(rebuilt, 1, "rtaudit1")));
}

TEST_CASE("keyedHashHex is 64 hex characters, deterministic and keyed") {
    const SecretKey key = SecretKey::random();
    const std::string hash = keyedHashHex(key, "row 1|login|user:3");
    CHECK(hash.size() == 64);
    CHECK(std::all_of(hash.begin(), hash.end(),
                      [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }));
    CHECK(hash == keyedHashHex(key, "row 1|login|user:3"));
    CHECK(hash != keyedHashHex(key, "row 1|login|user:4"));
    CHECK(hash != keyedHashHex(SecretKey::random(), "row 1|login|user:3"));
    CHECK(keyedHashHex(key, "").size() == 64);
    CHECK(keyedHashHex(key, "") != keyedHashHex(key, std::string(1, '\0')));
}

TEST_CASE("a passphrase needs at least 10 characters, counted as characters") {
    CHECK_FALSE(passphraseProblem("123456789").empty());
    CHECK(passphraseProblem("123456789") == "A passphrase needs at least 10 characters.");
    CHECK(passphraseProblem("1234567890").empty());
    CHECK_FALSE(passphraseProblem("").empty());
    // "é" is two bytes but one character: 9 of them are 18 bytes and still too short.
    std::string nineAccents;
    for (int i = 0; i < 9; ++i) {
        nineAccents += "\xC3\xA9";
    }
    CHECK(nineAccents.size() == 18);
    CHECK_FALSE(passphraseProblem(nineAccents).empty());
    CHECK(passphraseProblem(nineAccents + "\xE2\x80\x93").empty());  // + "–": 10 characters
    CHECK(passphraseProblem(kAwkwardName).empty());                  // 18 characters
    CHECK_FALSE(passphraseProblem("Caf\xC3\xA9 \xE2\x80\x93 ok").empty());  // 9 characters
}
