// doctest's main() for the library suites (the GUI suite has its own).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
