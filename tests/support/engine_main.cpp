// doctest's main() for the store suite, which runs once on each engine (issue 15): with
// --engine=postgresql every store its tests make is on the test server (TestEngine.h).
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
