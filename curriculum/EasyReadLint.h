// Checks the text members and carers read (<easy-read> and <handout>) against the easy-read
// rules that a program can check: short sentences, no capitals or acronyms, a picture for
// every idea. The rest (plain words, one idea per point) needs a person.
#pragma once

#include <filesystem>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "curriculum/Finding.h"

namespace roundtable::curriculum {

struct EasyReadRules {
    int maxWordsPerSentence = 15;
    /// Short words in capitals that readers know as words.
    std::set<std::string> allowedAcronyms = {"OK", "TV"};
};

/// Findings (all errors) for every module file listed in `directory`/programme.xml.
[[nodiscard]] std::vector<Finding> lintEasyRead(const std::filesystem::path& directory,
                                                const EasyReadRules& rules = {});

/// The same checks for one piece of text; `report` is called with each problem's message.
void checkEasyReadText(const std::string& text, const EasyReadRules& rules,
                       const std::function<void(const std::string&)>& report);

}  // namespace roundtable::curriculum
