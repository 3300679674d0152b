// Turns terminal echo off while the passphrase is typed, and always back on.
#include "cli/Passphrase.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <ostream>

#include "text/Translate.h"

namespace roundtable::cli {

bool isTerminal(const std::istream& in) {
    return &in == &std::cin && isatty(STDIN_FILENO);
}

std::string readPassphrase(std::istream& in, std::ostream& prompt, const char* label) {
    std::string passphrase;
    if (!isTerminal(in)) {
        std::getline(in, passphrase);
        return passphrase;
    }
    prompt << text::tr(label) << ": " << std::flush;
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    std::getline(in, passphrase);
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    prompt << '\n';
    return passphrase;
}

}  // namespace roundtable::cli
