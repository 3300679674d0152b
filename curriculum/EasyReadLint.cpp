// The mechanical easy-read checks. Sentences end at . ! or ? followed by a space or the end.
#include "curriculum/EasyReadLint.h"

#include <cctype>
#include <sstream>

#include "curriculum/XmlFile.h"

namespace roundtable::curriculum {
namespace {

constexpr std::size_t kLongestAcronym = 4;

std::vector<std::string> sentencesOf(const std::string& text) {
    std::vector<std::string> sentences;
    std::string current;
    for (std::size_t i = 0; i < text.size(); ++i) {
        current.push_back(text[i]);
        bool end = (text[i] == '.' || text[i] == '!' || text[i] == '?') &&
                   (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])));
        if (end) {
            sentences.push_back(current);
            current.clear();
        }
    }
    if (current.find_first_not_of(" \t\r\n") != std::string::npos)
        sentences.push_back(current);
    return sentences;
}

bool hasLetterOrDigit(const std::string& word) {
    for (unsigned char c : word) {
        if (std::isalnum(c))
            return true;
    }
    return false;
}

std::string opening(const std::string& sentence) {
    std::istringstream words(sentence);
    std::string word, text;
    for (int i = 0; i < 6 && words >> word; ++i)
        text += (text.empty() ? "" : " ") + word;
    return text + "...";
}

/// Runs of ASCII capitals that form a whole word of two letters or more.
std::vector<std::string> capitalWords(const std::string& text) {
    std::vector<std::string> found;
    std::string word;
    auto flush = [&] {
        bool allCapitals = word.size() >= 2;
        for (unsigned char c : word)
            allCapitals = allCapitals && std::isupper(c);
        if (allCapitals)
            found.push_back(word);
        word.clear();
    };
    for (unsigned char c : text) {
        if (std::isalpha(c) || c >= 0x80) {
            word.push_back(static_cast<char>(c));
        } else {
            flush();
        }
    }
    flush();
    return found;
}

/// The checks of checkEasyReadText, each problem in English and in the user's language.
void checkText(const std::string& text, const EasyReadRules& rules,
               const std::function<void(const text::Said&)>& report) {
    for (const auto& sentence : sentencesOf(text)) {
        std::istringstream words(sentence);
        int count = 0;
        for (std::string word; words >> word;)
            count += hasLetterOrDigit(word) ? 1 : 0;
        if (count > rules.maxWordsPerSentence) {
            const auto n = static_cast<unsigned long>(count);
            const auto counted = std::to_string(count);
            const auto most = std::to_string(rules.maxWordsPerSentence);
            const auto start = opening(sentence);
            // The English of the plural below (trn takes its words only as they are written).
            const char* english = n == 1 ? "this sentence has {1} word; easy-read sentences "
                                           "have {2} or fewer: \"{3}\""
                                         : "this sentence has {1} words; easy-read sentences "
                                           "have {2} or fewer: \"{3}\"";
            const char* shown = text::trn(
                // TRANSLATORS: {3} is the sentence's first words, as the text has them.
                "this sentence has {1} word; easy-read sentences have "
                "{2} or fewer: \"{3}\"",
                "this sentence has {1} words; easy-read sentences "
                "have {2} or fewer: \"{3}\"",
                n);
            report({text::fill(english, {counted, most, start}),
                    text::fill(shown, {counted, most, start})});
        }
    }
    for (const auto& word : capitalWords(text)) {
        if (rules.allowedAcronyms.contains(word))
            continue;
        if (word.size() <= kLongestAcronym) {
            report(
                text::said("\"{1}\" looks like an acronym; write it out in plain words", {word}));
        } else {
            report(
                text::said("\"{1}\" is written in capitals; easy-read text uses a capital only "
                           "at the start of a sentence or a name",
                           {word}));
        }
    }
}

void lintPoints(XmlFile& file, const pugi::xml_node& block, const EasyReadRules& rules) {
    for (auto node : block.children()) {
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
            file.error(block, text::said("text in <{1}> must be inside a <point "
                                         "picture=\"...\"> so it has a picture",
                                         {block.name()}));
            continue;
        }
        if (node.type() != pugi::node_element)
            continue;
        if (std::string_view(node.name()) != "point") {
            lintPoints(file, node, rules);  // the handout's covered / help / watch / talk
            continue;
        }
        if (std::string(node.attribute("picture").value()).empty()) {
            file.error(node,
                       text::said("this point has no picture; every easy-read idea needs one"));
        }
        checkText(node.text().get(), rules,
                  [&](const text::Said& message) { file.error(node, message); });
    }
}

void lintTree(XmlFile& file, const pugi::xml_node& node, const EasyReadRules& rules) {
    for (auto child : node.children()) {
        if (child.type() != pugi::node_element)
            continue;
        std::string_view name = child.name();
        if (name == "easy-read" || name == "handout") {
            lintPoints(file, child, rules);
        } else {
            lintTree(file, child, rules);
        }
    }
}

}  // namespace

void checkEasyReadText(const std::string& text, const EasyReadRules& rules,
                       const std::function<void(const std::string&)>& report) {
    checkText(text, rules, [&](const text::Said& message) { report(message.shown); });
}

std::vector<Finding> lintEasyRead(const std::filesystem::path& directory,
                                  const EasyReadRules& rules) {
    std::vector<Finding> findings;
    auto display = [&](const std::string& relative) {
        return (directory / relative).lexically_normal().string();
    };
    XmlFile manifest(directory / "programme.xml", display("programme.xml"), findings);
    if (!manifest.parse())
        return findings;
    for (auto ref : manifest.root().child("modules").children("module-ref")) {
        std::string relative = ref.attribute("file").value();
        XmlFile module(directory / relative, display(relative), findings);
        if (module.parse())
            lintTree(module, module.root(), rules);
    }
    return findings;
}

}  // namespace roundtable::curriculum
