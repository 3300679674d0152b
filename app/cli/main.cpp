// roundtable-cli entry point.
#include <iostream>

#include "cli/Commands.h"

int main(int argc, char** argv) {
    return roundtable::cli::run(std::vector<std::string>(argv + 1, argv + argc), std::cin,
                                std::cout, std::cerr);
}
