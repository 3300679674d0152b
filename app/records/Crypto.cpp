// Encryption at rest for the record store, on libsodium. The data key and every key
// derived on the way to it live in sodium_malloc memory (guard pages, locked against
// swapping) and are zeroed as soon as they are no longer needed. Fields are sealed with
// XChaCha20-Poly1305 under a random 192-bit nonce (so random nonces never need a counter
// kept in the database), and the associated data binds each ciphertext to its place.
// Failures that mean "wrong key or passphrase, or altered data" return nullopt; failures
// of the library itself throw StoreError, because the caller must not mistake them for a
// wrong passphrase.
#include "records/Crypto.h"

#include <sodium.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

#include "records/Types.h"
#include "text/Translate.h"

namespace roundtable::records::crypto {

namespace {

constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

// A key wrap and a field ciphertext use the same AEAD, possibly under related keys; a
// prefix on the associated data keeps them in separate domains, so that no field
// ciphertext can ever be accepted as a key wrap (or the other way round), whatever
// context string a caller chooses.
constexpr std::string_view kKeyWrapDomain = "roundtable/key-wrap/";

constexpr std::size_t kRecoveryBase32Chars = (SecretKey::kBytes * 8 + 4) / 5;  // 52
constexpr std::size_t kRecoveryGroup = 4;
constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

static_assert(SecretKey::kBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(SecretKey::kBytes == crypto_kdf_KEYBYTES);
static_assert(SecretKey::kBytes >= crypto_generichash_KEYBYTES_MIN &&
              SecretKey::kBytes <= crypto_generichash_KEYBYTES_MAX);

// Scratch space for key material that is not (yet) a SecretKey: a key derived from a
// passphrase, a key just decrypted or decoded. sodium_free zeroes it, so no copy of a
// key outlives its use in ordinary heap memory.
class LockedBuffer {
  public:
    explicit LockedBuffer(std::size_t size)
        : data_(static_cast<unsigned char*>(sodium_malloc(size))), size_(size) {
        if (data_ == nullptr) {
            throw StoreError(text::tr("There is not enough memory to hold the encryption key."));
        }
    }
    LockedBuffer(const LockedBuffer&) = delete;
    LockedBuffer& operator=(const LockedBuffer&) = delete;
    ~LockedBuffer() { sodium_free(data_); }

    unsigned char* data() { return data_; }
    [[nodiscard]] std::span<const unsigned char> span() const { return {data_, size_}; }

  private:
    unsigned char* data_;
    std::size_t size_;
};

const unsigned char* bytesOf(std::string_view text) {
    return reinterpret_cast<const unsigned char*>(text.data());
}

std::string keyWrapAssociatedData(std::string_view context) {
    std::string ad(kKeyWrapDomain);
    ad += context;
    return ad;
}

// The one place that encrypts: nonce || ciphertext || tag.
Bytes sealBytes(const unsigned char* key, const unsigned char* plaintext, std::size_t size,
                std::string_view associatedData) {
    if (size > crypto_aead_xchacha20poly1305_ietf_MESSAGEBYTES_MAX - kNonceBytes) {
        throw std::length_error("The text is too long to encrypt.");
    }
    Bytes sealed(kNonceBytes + size + kTagBytes);
    // A fresh random nonce every time: 192 bits make a repeat negligible even over
    // billions of fields, which is what lets us seal without keeping any state.
    randombytes_buf(sealed.data(), kNonceBytes);
    unsigned long long cipherSize = 0;
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(
            sealed.data() + kNonceBytes, &cipherSize, plaintext, size, bytesOf(associatedData),
            associatedData.size(), nullptr, sealed.data(), key) != 0 ||
        cipherSize != size + kTagBytes) {
        throw StoreError(text::tr("The encryption library failed to encrypt a record."));
    }
    return sealed;
}

// The one place that decrypts, into memory the caller provides (plaintextOut must hold
// sealed.size() - kNonceBytes - kTagBytes bytes). False when the data does not
// authenticate: altered, too short, moved to another place, or the wrong key.
bool openBytes(const unsigned char* key, std::span<const unsigned char> sealed,
               std::string_view associatedData, unsigned char* plaintextOut) {
    if (sealed.size() < kNonceBytes + kTagBytes) {
        return false;
    }
    unsigned long long plainSize = 0;
    return crypto_aead_xchacha20poly1305_ietf_decrypt(
               plaintextOut, &plainSize, nullptr, sealed.data() + kNonceBytes,
               sealed.size() - kNonceBytes, bytesOf(associatedData), associatedData.size(),
               sealed.data(), key) == 0;
}

Bytes wrapKey(const SecretKey& dataKey, const unsigned char* wrappingKey,
              std::string_view context) {
    return sealBytes(wrappingKey, dataKey.data(), SecretKey::kBytes,
                     keyWrapAssociatedData(context));
}

std::optional<SecretKey> unwrapKey(std::span<const unsigned char> wrapped,
                                   const unsigned char* wrappingKey, std::string_view context) {
    // Anything but exactly one wrapped key is not ours; checking first also keeps the
    // output buffer the right size.
    if (wrapped.size() != kNonceBytes + SecretKey::kBytes + kTagBytes) {
        return std::nullopt;
    }
    LockedBuffer plain(SecretKey::kBytes);
    if (!openBytes(wrappingKey, wrapped, keyWrapAssociatedData(context), plain.data())) {
        return std::nullopt;
    }
    return SecretKey::fromBytes(plain.span());
}

bool withinLibsodiumLimits(const KdfParameters& kdf) {
    return kdf.opsLimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN &&
           kdf.opsLimit <= crypto_pwhash_argon2id_OPSLIMIT_MAX &&
           kdf.memLimitBytes >= crypto_pwhash_argon2id_MEMLIMIT_MIN &&
           kdf.memLimitBytes <= crypto_pwhash_argon2id_MEMLIMIT_MAX;
}

// RELIABILITY #7: never weaker than libsodium's INTERACTIVE (64 MiB).
bool meetsOurMinimum(const KdfParameters& kdf) {
    const KdfParameters least = KdfParameters::interactive();
    return kdf.opsLimit >= least.opsLimit && kdf.memLimitBytes >= least.memLimitBytes;
}

// Argon2id(passphrase, salt) into locked memory.
void derivePassphraseKey(LockedBuffer& out, std::string_view passphrase,
                         std::span<const unsigned char> salt, const KdfParameters& kdf) {
    if (crypto_pwhash(out.data(), SecretKey::kBytes, passphrase.data(), passphrase.size(),
                      salt.data(), kdf.opsLimit, kdf.memLimitBytes,
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
        // Parameters were checked beforehand, so the one remaining cause is memory.
        throw StoreError(
            text::tr("There is not enough memory to check the passphrase. Close other programs and "
                     "try again."));
    }
}

int base32Value(char c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a';
    }
    if (c >= '2' && c <= '7') {
        return 26 + (c - '2');
    }
    return -1;
}

bool isSeparator(char c) {
    // Dashes and spaces as printed; line breaks and tabs turn up when text is copied
    // from a printout or an e-mail.
    return c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

void initialise() {
    // A function-local static runs sodium_init once, thread-safely; if it throws, the
    // static stays uninitialised and the next call tries again.
    static const bool initialised = [] {
        if (sodium_init() < 0) {
            throw StoreError(text::tr("The encryption library could not be started."));
        }
        return true;
    }();
    (void)initialised;
}

// --- SecretKey ---------------------------------------------------------------------------

SecretKey::SecretKey() {
    // sodium_malloc needs sodium_init to have run (it reads the page size).
    initialise();
    memory_ = static_cast<unsigned char*>(sodium_malloc(kBytes));
    if (memory_ == nullptr) {
        throw StoreError(text::tr("There is not enough memory to hold the encryption key."));
    }
    // sodium_malloc fills with garbage bytes on purpose; start from a known empty state.
    sodium_memzero(memory_, kBytes);
    wiped_ = true;
}

SecretKey SecretKey::random() {
    SecretKey key;
    randombytes_buf(key.memory_, kBytes);
    key.wiped_ = false;
    return key;
}

SecretKey SecretKey::fromBytes(std::span<const unsigned char> bytes) {
    if (bytes.size() != kBytes) {
        throw std::invalid_argument("A key must be exactly 32 bytes.");
    }
    SecretKey key;
    std::copy(bytes.begin(), bytes.end(), key.memory_);
    key.wiped_ = false;
    return key;
}

SecretKey::SecretKey(SecretKey&& other) noexcept
    : memory_(std::exchange(other.memory_, nullptr)), wiped_(std::exchange(other.wiped_, true)) {}

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
    if (this != &other) {
        if (memory_ != nullptr) {
            // sodium_free zeroes too; wiping first makes that independent of the library.
            sodium_memzero(memory_, kBytes);
            sodium_free(memory_);
        }
        memory_ = std::exchange(other.memory_, nullptr);
        wiped_ = std::exchange(other.wiped_, true);
    }
    return *this;
}

SecretKey::~SecretKey() {
    if (memory_ != nullptr) {
        sodium_memzero(memory_, kBytes);
        sodium_free(memory_);
    }
}

void SecretKey::wipe() {
    if (memory_ != nullptr) {
        // sodium_memzero cannot be optimised away, unlike a memset before free.
        sodium_memzero(memory_, kBytes);
    }
    wiped_ = true;
}

const unsigned char* SecretKey::data() const {
    if (wiped_ || memory_ == nullptr) {
        throw std::logic_error("The key has been wiped or moved from.");
    }
    return memory_;
}

std::span<const unsigned char> SecretKey::memoryForTests() const {
    if (memory_ == nullptr) {
        return {};
    }
    return {memory_, kBytes};
}

// --- Passphrase wraps --------------------------------------------------------------------

KdfParameters KdfParameters::moderate() {
    return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}

KdfParameters KdfParameters::interactive() {
    return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

namespace {
/// What a signing seed's wrap is bound to, apart from the data key's.
std::string seedContext(std::string_view context) {
    return std::string(context) + "/signing";
}
}  // namespace

PassphraseWrap wrapWithPassphrase(const SecretKey& dataKey, std::string_view passphrase,
                                  const KdfParameters& kdf, std::string_view context,
                                  const SecretKey* signingSeed) {
    initialise();
    if (!withinLibsodiumLimits(kdf) || !meetsOurMinimum(kdf)) {
        // A programming error, not the user's: we never choose weaker parameters.
        throw std::invalid_argument("Argon2id parameters below the accepted minimum.");
    }
    PassphraseWrap wrap;
    wrap.salt.resize(crypto_pwhash_SALTBYTES);
    randombytes_buf(wrap.salt.data(), wrap.salt.size());
    wrap.kdf = kdf;
    LockedBuffer derived(SecretKey::kBytes);
    derivePassphraseKey(derived, passphrase, wrap.salt, kdf);
    wrap.wrappedKey = wrapKey(dataKey, derived.data(), context);
    if (signingSeed)
        wrap.wrappedSeed = wrapKey(*signingSeed, derived.data(), seedContext(context));
    return wrap;
}

std::optional<SecretKey> unwrapWithPassphrase(const PassphraseWrap& wrap,
                                              std::string_view passphrase, std::string_view context,
                                              std::optional<SecretKey>* signingSeed) {
    initialise();
    // Salt and parameters we could not have written mean the stored wrap is damaged:
    // say so, rather than let the user believe the passphrase is wrong, and never hand
    // absurd parameters to Argon2id (a damaged memory limit could ask for terabytes).
    if (wrap.salt.size() != crypto_pwhash_SALTBYTES || !withinLibsodiumLimits(wrap.kdf) ||
        !meetsOurMinimum(wrap.kdf)) {
        throw StoreError(text::tr("The stored key for this user is damaged."));
    }
    // A wrapped key of the wrong size cannot authenticate, like any altered one; no need
    // to spend half a second of Argon2id to find that out.
    if (wrap.wrappedKey.size() != kNonceBytes + SecretKey::kBytes + kTagBytes) {
        return std::nullopt;
    }
    LockedBuffer derived(SecretKey::kBytes);
    derivePassphraseKey(derived, passphrase, wrap.salt, wrap.kdf);
    auto dataKey = unwrapKey(wrap.wrappedKey, derived.data(), context);
    if (dataKey && signingSeed && !wrap.wrappedSeed.empty()) {
        *signingSeed = unwrapKey(wrap.wrappedSeed, derived.data(), seedContext(context));
        if (!*signingSeed)
            throw StoreError(text::tr("The stored signing key for this user is damaged."));
    }
    return dataKey;
}

// --- Signing ----------------------------------------------------------------------------

static_assert(Signer::kPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(Signer::kSignatureBytes == crypto_sign_BYTES);
static_assert(SecretKey::kBytes == crypto_sign_SEEDBYTES);

Signer::Signer(const SecretKey& seed)
    : secret_(static_cast<unsigned char*>(sodium_malloc(crypto_sign_SECRETKEYBYTES))),
      publicKey_(crypto_sign_PUBLICKEYBYTES) {
    if (secret_ == nullptr)
        throw StoreError(text::tr("There is not enough memory to hold the signing key."));
    crypto_sign_seed_keypair(publicKey_.data(), secret_, seed.data());
}

Signer::Signer(Signer&& other) noexcept
    : secret_(std::exchange(other.secret_, nullptr)), publicKey_(std::move(other.publicKey_)) {}

Signer& Signer::operator=(Signer&& other) noexcept {
    if (this != &other) {
        sodium_free(secret_);
        secret_ = std::exchange(other.secret_, nullptr);
        publicKey_ = std::move(other.publicKey_);
    }
    return *this;
}

Signer::~Signer() {
    sodium_free(secret_);  // zeroes it first
}

Bytes Signer::sign(std::string_view message) const {
    Bytes signature(crypto_sign_BYTES);
    crypto_sign_detached(signature.data(), nullptr, bytesOf(message), message.size(), secret_);
    return signature;
}

bool signatureIsValid(std::span<const unsigned char> publicKey, std::string_view message,
                      std::span<const unsigned char> signature) {
    return publicKey.size() == crypto_sign_PUBLICKEYBYTES &&
           signature.size() == crypto_sign_BYTES &&
           crypto_sign_verify_detached(signature.data(), bytesOf(message), message.size(),
                                       publicKey.data()) == 0;
}

std::string hexOf(std::span<const unsigned char> bytes) {
    std::string hex(bytes.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    hex.pop_back();
    return hex;
}

// --- Recovery key ------------------------------------------------------------------------

RecoveryKey newRecoveryKey() {
    initialise();
    SecretKey key = SecretKey::random();
    const unsigned char* bytes = key.data();

    // RFC 4648 base32, most significant bits first; the last character carries 1 bit of
    // key and 4 zero bits (256 = 51 * 5 + 1), and no '=' padding is written.
    std::string text;
    text.reserve(kRecoveryBase32Chars + kRecoveryBase32Chars / kRecoveryGroup);
    std::uint32_t buffer = 0;
    int bits = 0;
    std::size_t written = 0;
    auto emit = [&](unsigned value) {
        if (written > 0 && written % kRecoveryGroup == 0) {
            text += '-';
        }
        text += kBase32Alphabet[value & 0x1Fu];
        ++written;
    };
    for (std::size_t i = 0; i < SecretKey::kBytes; ++i) {
        buffer = (buffer << 8) | bytes[i];
        bits += 8;
        while (bits >= 5) {
            emit(buffer >> (bits - 5));
            bits -= 5;
        }
        buffer &= (1u << bits) - 1u;  // keep only the bits not yet written
    }
    if (bits > 0) {
        emit(buffer << (5 - bits));
    }
    sodium_memzero(&buffer, sizeof buffer);
    return RecoveryKey{std::move(text), std::move(key)};
}

std::optional<SecretKey> parseRecoveryKey(std::string_view text) {
    initialise();
    LockedBuffer decoded(SecretKey::kBytes);
    std::size_t characters = 0;
    std::size_t outBytes = 0;
    std::uint32_t buffer = 0;
    int bits = 0;
    bool valid = true;
    for (char c : text) {
        if (isSeparator(c)) {
            continue;
        }
        const int value = base32Value(c);
        if (value < 0 || ++characters > kRecoveryBase32Chars) {
            valid = false;
            break;
        }
        buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
        bits += 5;
        if (bits >= 8) {
            decoded.data()[outBytes++] = static_cast<unsigned char>(buffer >> (bits - 8));
            bits -= 8;
        }
        buffer &= (1u << bits) - 1u;
    }
    // Exactly 52 characters leave 4 bits over, which must be zero: otherwise two texts
    // would mean the same key, and a typo in the last character could go unnoticed.
    valid =
        valid && characters == kRecoveryBase32Chars && outBytes == SecretKey::kBytes && buffer == 0;
    sodium_memzero(&buffer, sizeof buffer);
    if (!valid) {
        return std::nullopt;
    }
    return SecretKey::fromBytes(decoded.span());
}

Bytes wrapWithKey(const SecretKey& dataKey, const SecretKey& wrappingKey,
                  std::string_view context) {
    initialise();
    return wrapKey(dataKey, wrappingKey.data(), context);
}

std::optional<SecretKey> unwrapWithKey(std::span<const unsigned char> wrapped,
                                       const SecretKey& wrappingKey, std::string_view context) {
    initialise();
    return unwrapKey(wrapped, wrappingKey.data(), context);
}

// --- Fields ------------------------------------------------------------------------------

Bytes seal(const SecretKey& key, std::string_view plaintext, std::string_view associatedData) {
    initialise();
    return sealBytes(key.data(), bytesOf(plaintext), plaintext.size(), associatedData);
}

std::optional<std::string> open(const SecretKey& key, std::span<const unsigned char> sealed,
                                std::string_view associatedData) {
    initialise();
    const unsigned char* keyBytes = key.data();
    if (sealed.size() < kNonceBytes + kTagBytes) {
        return std::nullopt;
    }
    std::string plaintext(sealed.size() - kNonceBytes - kTagBytes, '\0');
    if (!openBytes(keyBytes, sealed, associatedData,
                   reinterpret_cast<unsigned char*>(plaintext.data()))) {
        // libsodium already zeroes the output on failure; nothing unauthenticated leaks.
        return std::nullopt;
    }
    return plaintext;
}

// --- Subkeys and hashes ------------------------------------------------------------------

SecretKey deriveSubkey(const SecretKey& key, std::uint64_t subkeyId, const char (&context)[9]) {
    initialise();
    static_assert(crypto_kdf_CONTEXTBYTES == 8);
    LockedBuffer subkey(SecretKey::kBytes);
    if (crypto_kdf_derive_from_key(subkey.data(), SecretKey::kBytes, subkeyId, context,
                                   key.data()) != 0) {
        throw StoreError(text::tr("The encryption library failed to derive a key."));
    }
    return SecretKey::fromBytes(subkey.span());
}

static_assert(sizeof(crypto_generichash_state) <= 384);

Hasher::Hasher(const SecretKey* key) {
    initialise();
    crypto_generichash_init(reinterpret_cast<crypto_generichash_state*>(state_),
                            key ? key->data() : nullptr, key ? SecretKey::kBytes : 0,
                            crypto_generichash_BYTES);
}

Hasher::~Hasher() {
    sodium_memzero(state_, sizeof state_);
}

void Hasher::update(const void* data, std::size_t size) {
    crypto_generichash_update(reinterpret_cast<crypto_generichash_state*>(state_),
                              static_cast<const unsigned char*>(data), size);
}

std::string Hasher::hex() {
    std::array<unsigned char, crypto_generichash_BYTES> hash{};
    crypto_generichash_final(reinterpret_cast<crypto_generichash_state*>(state_), hash.data(),
                             hash.size());
    return hexOf(hash);
}

std::string keyedHashHex(const SecretKey& key, std::string_view message) {
    Hasher hasher(&key);
    hasher.update(message.data(), message.size());
    return hasher.hex();
}

std::string hashHex(std::string_view message) {
    Hasher hasher;
    hasher.update(message.data(), message.size());
    return hasher.hex();
}

std::string randomHex(std::size_t bytes) {
    initialise();
    std::vector<unsigned char> random(bytes);
    randombytes_buf(random.data(), random.size());
    return hexOf(random);
}

// --- Passphrase rule ---------------------------------------------------------------------

std::string passphraseProblem(std::string_view passphrase) {
    // Count characters, not bytes: "é" is one character to the person typing it. Every
    // UTF-8 code point has exactly one byte that is not a continuation byte (10xxxxxx).
    const auto characters = std::count_if(passphrase.begin(), passphrase.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    });
    constexpr long kShortest = 10;
    if (characters < kShortest) {
        return text::fill(text::trn("A passphrase needs at least {1} character.",
                                    "A passphrase needs at least {1} characters.", kShortest),
                          {std::to_string(kShortest)});
    }
    return "";
}

}  // namespace roundtable::records::crypto
