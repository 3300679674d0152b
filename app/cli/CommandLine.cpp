// Shared by the commands in Commands.cpp and PrintCommand.cpp.
#include "cli/CommandLine.h"

#include <charconv>
#include <ostream>

#include "curriculum/ProgrammeLoader.h"
#include "curriculum/ProgrammeLocation.h"
#include "records/ServerSetup.h"
#include "text/Translate.h"

namespace roundtable::cli {

std::string option(const std::vector<std::string>& arguments, const std::string& name) {
    for (std::size_t i = 0; i + 1 < arguments.size(); ++i) {
        if (arguments[i] == name)
            return arguments[i + 1];
    }
    return {};
}

std::string databaseFile(const std::vector<std::string>& arguments, const char* needs) {
    auto database = option(arguments, "--db");
    if (database.empty())
        throw UsageError(text::tr(needs));
    if (records::server::isServerLocation(database)) {
        throw UsageError(text::fill(
            text::tr("{1} is a store on a server; this command works on a database file"),
            {database}));
    }
    return database;
}

std::int64_t recordNumber(const std::string& text, const std::string& option) {
    std::int64_t number = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || number <= 0)
        throw UsageError(text::fill(text::tr("{1} takes a record's number, such as 12"), {option}));
    return number;
}

std::optional<Content> loadContent(const std::vector<std::string>& arguments, std::ostream& err,
                                   const std::string& consequence) {
    auto given = option(arguments, "--content");
    std::filesystem::path folder =
        given.empty() ? curriculum::defaultProgrammeDirectory() : std::filesystem::path(given);
    auto loaded = curriculum::loadProgramme(folder);
    if (!loaded.ok()) {
        for (const auto& finding : loaded.findings)
            err << curriculum::format(finding) << '\n';
        err << text::fill(text::tr("The programme in {1} has errors; {2}."),
                          {folder.string(), consequence})
            << "\n";
        return std::nullopt;
    }
    return Content{folder, std::move(*loaded.programme)};
}

}  // namespace roundtable::cli
