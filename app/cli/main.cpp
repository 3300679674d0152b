// roundtable-cli entry point: the user's locale and the translations, then the command.
#include <clocale>
#include <iostream>

#include "cli/Commands.h"
#include "text/Translate.h"

int main(int argc, char** argv) {
    // The environment's language (LANG, LC_ALL, LANGUAGE) chooses the messages' catalog.
    std::setlocale(LC_ALL, "");
    roundtable::text::useCatalogs();
    return roundtable::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cin,
                                std::cout, std::cerr);
}
