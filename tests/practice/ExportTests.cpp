// CSV as RFC 4180 asks: the quoting rule on its own (the register and outcome files themselves
// are checked end to end through roundtable-cli export, on a real database).
#include <doctest/doctest.h>

#include "practice/Exports.h"
#include "practice/RecordsToPrint.h"

using roundtable::practice::csvRecord;

TEST_CASE("a rate is rounded to the nearest whole percent, the same on screen and paper") {
    CHECK(roundtable::practice::ratePercent(2, 3) == 67);
    CHECK(roundtable::practice::ratePercent(1, 3) == 33);
    CHECK(roundtable::practice::ratePercent(1, 2) == 50);
    CHECK(roundtable::practice::ratePercent(5, 6) == 83);
    CHECK(roundtable::practice::ratePercent(0, 4) == 0);
    CHECK(roundtable::practice::ratePercent(4, 4) == 100);
}

TEST_CASE("a CSV field is quoted only when it must be, its quotes doubled, CRLF at the end") {
    CHECK(csvRecord({"R0001", "2026-09-03", "", "P"}) == "R0001,2026-09-03,,P\r\n");
    CHECK(csvRecord({"a,b"}) == "\"a,b\"\r\n");
    CHECK(csvRecord({"He said \"no\""}) == "\"He said \"\"no\"\"\"\r\n");
    CHECK(csvRecord({"two\nlines", "cr\r"}) == "\"two\nlines\",\"cr\r\"\r\n");
    CHECK(csvRecord({"Zoë", "Łukasz"}) == "Zoë,Łukasz\r\n");  // UTF-8 bytes pass unchanged
    CHECK(csvRecord({}) == "\r\n");
}
