// SHA-256 (FIPS 180-4), small and dependency-free so that the curriculum library needs no
// crypto library; the record store stamps its output on sessions.
#include "curriculum/ContentHash.h"

#include <pugixml.hpp>

#include <array>
#include <cstdint>

#include "curriculum/Programme.h"
#include "curriculum/XmlFile.h"

namespace roundtable::curriculum {
namespace {

constexpr std::array<std::uint32_t, 64> kRoundConstants = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

constexpr std::uint32_t rotr(std::uint32_t x, int n) {
    return (x >> n) | (x << (32 - n));
}

void compress(std::array<std::uint32_t, 8>& state, const unsigned char* block) {
    std::array<std::uint32_t, 64> w{};
    for (int i = 0; i < 16; ++i) {
        w[i] = std::uint32_t(block[4 * i]) << 24 | std::uint32_t(block[4 * i + 1]) << 16 |
               std::uint32_t(block[4 * i + 2]) << 8 | std::uint32_t(block[4 * i + 3]);
    }
    for (int i = 16; i < 64; ++i) {
        std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    auto [a, b, c, d, e, f, g, h] = state;
    for (int i = 0; i < 64; ++i) {
        std::uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) +
                           kRoundConstants[i] + w[i];
        std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    const std::array<std::uint32_t, 8> add = {a, b, c, d, e, f, g, h};
    for (int i = 0; i < 8; ++i)
        state[i] += add[i];
}

}  // namespace

std::string sha256Hex(std::string_view bytes) {
    std::array<std::uint32_t, 8> state = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                          0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::string padded(bytes);
    const std::uint64_t bitLength = std::uint64_t(bytes.size()) * 8;
    padded.push_back(static_cast<char>(0x80));
    while (padded.size() % 64 != 56)
        padded.push_back('\0');
    for (int i = 7; i >= 0; --i)
        padded.push_back(static_cast<char>((bitLength >> (8 * i)) & 0xff));
    for (std::size_t offset = 0; offset < padded.size(); offset += 64) {
        compress(state, reinterpret_cast<const unsigned char*>(padded.data() + offset));
    }
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::uint32_t word : state) {
        for (int shift = 28; shift >= 0; shift -= 4)
            out.push_back(kHex[(word >> shift) & 0xf]);
    }
    return out;
}

namespace {

/// Text as the canonical form writes it: the characters markup gives a meaning to, and control
/// characters, as references (in attribute values tab, line feed and carriage return too: an
/// XML reader turns them into spaces there).
void appendEscaped(std::string& out, std::string_view text, bool attribute) {
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (c == '&') {
            out += "&amp;";
        } else if (c == '<') {
            out += "&lt;";
        } else if (c == '>' && !attribute) {
            out += "&gt;";
        } else if (c == '"' && attribute) {
            out += "&quot;";
        } else if (byte < 32 && (attribute || (c != '\t' && c != '\n' && c != '\r'))) {
            out += "&#";
            out += static_cast<char>('0' + byte / 10);
            out += static_cast<char>('0' + byte % 10);
            out += ';';
        } else {
            out += c;
        }
    }
}

/// The canonical form of a document parsed with pugixml's default flags (which drop comments,
/// the declaration and layout-only text): elements, attributes in file order, text and CDATA,
/// with no layout. Written here, not by pugixml's printer, so that a pugixml upgrade can never
/// change a content hash already stamped on sessions; it writes exactly what pugixml 1.13's
/// raw printer wrote when the stamps began (ContentHashTests pins both).
void appendCanonical(std::string& out, const pugi::xml_node& node) {
    switch (node.type()) {
        case pugi::node_document:
            for (const auto& child : node.children())
                appendCanonical(out, child);
            break;
        case pugi::node_element:
            out += '<';
            out += node.name();
            for (const auto& attribute : node.attributes()) {
                out += ' ';
                out += attribute.name();
                out += "=\"";
                appendEscaped(out, attribute.value(), true);
                out += '"';
            }
            if (!node.first_child()) {
                out += "/>";
                break;
            }
            out += '>';
            for (const auto& child : node.children())
                appendCanonical(out, child);
            out += "</";
            out += node.name();
            out += '>';
            break;
        case pugi::node_pcdata:
            appendEscaped(out, node.value(), false);
            break;
        case pugi::node_cdata: {
            // "]]>" cannot stand inside a CDATA section: it is split across two.
            std::string_view text = node.value();
            do {
                auto end = text.find("]]>");
                auto part = end == std::string_view::npos ? text.size() : end + 2;
                out += "<![CDATA[";
                out += text.substr(0, part);
                out += "]]>";
                text.remove_prefix(part);
            } while (!text.empty());
            break;
        }
        default:  // comments, declarations, doctypes: not kept by the default flags
            break;
    }
}

std::string canonicalXml(const pugi::xml_document& document) {
    std::string out;
    appendCanonical(out, document);
    return out;
}

}  // namespace

std::string canonicalXml(std::string_view xml) {
    pugi::xml_document canonical;
    canonical.load_buffer(xml.data(), xml.size(), pugi::parse_default);
    return canonicalXml(canonical);
}

std::string Module::contentHash() const {
    // The loader parsed the file with the same flags as canonicalXml(text) does, so this is
    // the hash of canonicalXml() of the file as it was read, without parsing it again.
    static_assert(XmlFile::kParseFlags == pugi::parse_default);
    return sha256Hex(parsed ? canonicalXml(parsed->document) : canonicalXml(std::string_view()));
}

}  // namespace roundtable::curriculum
