// doctest's main() for the library suites (the GUI suite has its own). The suites that run
// once on each engine (issue 15) run with --engine=postgresql the second time: every store
// their tests make is then on the test server (TestEngine.h).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <string_view>

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        if (std::string_view(argv[i]) == "--engine=postgresql")
            setenv("ROUNDTABLE_TEST_ENGINE", "postgresql", 1);
    }
    doctest::Context context(argc, argv);
    return context.run();
}
