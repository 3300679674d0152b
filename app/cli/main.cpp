// roundtable-cli entry point: the user's locale and the translations, then the command.
#include <iostream>

#include "cli/Commands.h"
#include "text/Translate.h"

int main(int argc, char** argv) {
    // The environment's language (LANGUAGE, LC_ALL, LANG) chooses the messages' catalog.
    roundtable::text::useEnvironmentLanguage();
    roundtable::text::useCatalogs();
    return roundtable::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cin,
                                std::cout, std::cerr);
}
