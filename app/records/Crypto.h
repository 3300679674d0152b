// Encryption at rest for the record store (libsodium): the data key in locked memory, its
// wrapping by each user's passphrase (Argon2id) and by the recovery key, and field
// encryption (XChaCha20-Poly1305) bound to the field's place. Internal to the records
// library: nothing outside app/records includes this header.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace roundtable::records::crypto {

using Bytes = std::vector<unsigned char>;

/// Initialises libsodium once; throws StoreError if it cannot be initialised.
void initialise();

/// A 256-bit key held in memory from sodium_malloc (guarded, locked against swapping).
/// wipe() zeroes it at once; the destructor wipes and frees it. Move-only.
class SecretKey {
  public:
    static constexpr std::size_t kBytes = 32;

    /// A fresh random key.
    static SecretKey random();
    /// A key from exactly kBytes bytes (throws std::invalid_argument otherwise).
    static SecretKey fromBytes(std::span<const unsigned char> bytes);

    SecretKey(SecretKey&& other) noexcept;
    SecretKey& operator=(SecretKey&& other) noexcept;
    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;
    ~SecretKey();

    /// Zeroes the key bytes (they stay allocated until destruction); empty() is then true.
    void wipe();
    [[nodiscard]] bool empty() const { return wiped_; }
    /// The key bytes; must not be called on an empty key.
    [[nodiscard]] const unsigned char* data() const;
    /// The raw memory, for tests that check wiping really zeroed it.
    [[nodiscard]] std::span<const unsigned char> memoryForTests() const;

  private:
    SecretKey();
    unsigned char* memory_ = nullptr;
    bool wiped_ = true;
};

/// Argon2id cost. Stored with each user so that it can be raised later per user.
struct KdfParameters {
    std::uint64_t opsLimit = 0;
    std::size_t memLimitBytes = 0;
    /// libsodium's MODERATE (256 MiB, about half a second here): the default.
    static KdfParameters moderate();
    /// libsodium's INTERACTIVE (64 MiB): the least we accept; used by fast tests.
    static KdfParameters interactive();
};

/// The data key, and the user's signing seed when she has one, each wrapped by the key derived
/// from her passphrase (one Argon2id derivation unwraps both).
struct PassphraseWrap {
    Bytes salt;  ///< crypto_pwhash_SALTBYTES random bytes
    KdfParameters kdf;
    Bytes wrappedKey;   ///< nonce || ciphertext || tag
    Bytes wrappedSeed;  ///< the same for the signing seed; empty when there is none
};

/// Wraps `dataKey` (and `signingSeed`, if given) under Argon2id(passphrase, random salt, kdf).
/// `context` is bound as associated data (e.g. "user:3"), so a wrap copied to another user does
/// not unwrap.
[[nodiscard]] PassphraseWrap wrapWithPassphrase(const SecretKey& dataKey,
                                                std::string_view passphrase,
                                                const KdfParameters& kdf, std::string_view context,
                                                const SecretKey* signingSeed = nullptr);
/// The data key, or nullopt when the passphrase (or context) is wrong. With `signingSeed`, the
/// wrapped seed too (left empty when the wrap has none); throws StoreError when the data key
/// unwraps but the seed does not (it was altered).
[[nodiscard]] std::optional<SecretKey> unwrapWithPassphrase(
    const PassphraseWrap& wrap, std::string_view passphrase, std::string_view context,
    std::optional<SecretKey>* signingSeed = nullptr);

/// An Ed25519 signing key (crypto_sign) made from a 32-byte seed, held in locked memory like
/// the data key. Each user has one (her seed wrapped by her passphrase); so has the recovery
/// key (its seed derived from it). Move-only.
class Signer {
  public:
    static constexpr std::size_t kPublicKeyBytes = 32;
    static constexpr std::size_t kSignatureBytes = 64;

    explicit Signer(const SecretKey& seed);
    Signer(Signer&& other) noexcept;
    Signer& operator=(Signer&& other) noexcept;
    Signer(const Signer&) = delete;
    Signer& operator=(const Signer&) = delete;
    ~Signer();

    [[nodiscard]] const Bytes& publicKey() const { return publicKey_; }
    /// A detached signature of `message`.
    [[nodiscard]] Bytes sign(std::string_view message) const;

  private:
    unsigned char* secret_ = nullptr;  ///< sodium_malloc'd, crypto_sign_SECRETKEYBYTES
    Bytes publicKey_;
};
/// True when `signature` is `publicKey`'s signature of `message`.
[[nodiscard]] bool signatureIsValid(std::span<const unsigned char> publicKey,
                                    std::string_view message,
                                    std::span<const unsigned char> signature);
/// Lower-case hex of `bytes`.
[[nodiscard]] std::string hexOf(std::span<const unsigned char> bytes);

/// The recovery key: 32 random bytes, shown once as text a person can copy or print,
/// e.g. "ABCD-EFGH-...": RFC 4648 base32 without padding, in dash-separated groups of 4.
struct RecoveryKey {
    std::string text;
    SecretKey key;
};
[[nodiscard]] RecoveryKey newRecoveryKey();
/// Accepts the text in any case, with or without dashes and spaces; nullopt if malformed.
[[nodiscard]] std::optional<SecretKey> parseRecoveryKey(std::string_view text);

/// Wraps `dataKey` with a high-entropy key (the recovery key); `context` as above.
[[nodiscard]] Bytes wrapWithKey(const SecretKey& dataKey, const SecretKey& wrappingKey,
                                std::string_view context);
[[nodiscard]] std::optional<SecretKey> unwrapWithKey(std::span<const unsigned char> wrapped,
                                                     const SecretKey& wrappingKey,
                                                     std::string_view context);

/// XChaCha20-Poly1305 with a random 192-bit nonce: returns nonce || ciphertext || tag.
/// `associatedData` binds the ciphertext to its place (table, column, row id).
[[nodiscard]] Bytes seal(const SecretKey& key, std::string_view plaintext,
                         std::string_view associatedData);
/// The plaintext, or nullopt when the ciphertext was altered, moved or the key is wrong.
[[nodiscard]] std::optional<std::string> open(const SecretKey& key,
                                              std::span<const unsigned char> sealed,
                                              std::string_view associatedData);

/// A subkey for one purpose (crypto_kdf_derive_from_key); `context` is exactly 8 chars,
/// e.g. "rtaudit1" for the audit chain.
[[nodiscard]] SecretKey deriveSubkey(const SecretKey& key, std::uint64_t subkeyId,
                                     const char (&context)[9]);

/// Keyed hash (BLAKE2b-256) of `message`, hex; used to chain audit rows.
[[nodiscard]] std::string keyedHashHex(const SecretKey& key, std::string_view message);
/// BLAKE2b-256 fed piece by piece (keyed, or plain without a key): hashing a row's columns
/// as they are, with no copy of them into one string.
class Hasher {
  public:
    explicit Hasher(const SecretKey* key = nullptr);
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;
    ~Hasher();
    void update(const void* data, std::size_t size);
    /// The hash, hex; the hasher is used up.
    [[nodiscard]] std::string hex();

  private:
    alignas(64) unsigned char state_[384];
};

/// Plain hash (BLAKE2b-256) of `message`, hex.
[[nodiscard]] std::string hashHex(std::string_view message);
/// `bytes` random bytes, hex.
[[nodiscard]] std::string randomHex(std::size_t bytes);

/// Passphrase rule: at least 10 characters. Returns a message for the user, or "" if fine.
[[nodiscard]] std::string passphraseProblem(std::string_view passphrase);

}  // namespace roundtable::records::crypto
