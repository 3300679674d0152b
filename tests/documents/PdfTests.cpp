// The real renderer's PDFs read back by the real tools: page size and count, fonts embedded,
// easy-read type sizes, each picture beside its text and drawn as vector paths, the contents'
// page numbers, and nothing left behind when writing fails. Keeps a PNG of each kind of
// document in the build folder for a person to look at.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "documents/CarersHandout.h"
#include "documents/EasyReadSummary.h"
#include "documents/Fixtures.h"
#include "documents/MemberReport.h"
#include "documents/PageLayout.h"
#include "documents/PdfFile.h"
#include "documents/PdfTools.h"
#include "documents/RecoveryKeySheet.h"
#include "documents/Registers.h"
#include "documents/RelapsePlanDocument.h"
#include "documents/SessionPlan.h"
#include "practice/Practice.h"
#include "support/SmallService.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::documents;
using namespace roundtable::test;
using namespace roundtable::records::literals;

namespace {

constexpr double kEasyReadSmallest = 14.0;
constexpr const char* kTestKey = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL-MNOP-Q";
constexpr const char* kTestCheckKey =
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// A document written as a PDF in a temporary folder by the real writer.
class RenderedPdf {
  public:
    explicit RenderedPdf(const Document& document, bool privateFile = false)
        : file_(dir_ / "document.pdf"),
          written_(writePdf(document, file_, {kShippedPictures, privateFile})) {}

    [[nodiscard]] const std::filesystem::path& file() const { return file_; }
    [[nodiscard]] const WrittenPdf& written() const { return written_; }

    /// Pages `first` to `last` (from 1) as PNGs at 60 dpi: build/document-NAME-N.png.
    void keepPng(const std::string& name, int first, int last) const {
        auto prefix = std::filesystem::path(ROUNDTABLE_PNG_DIR) / ("document-" + name);
        runPdfTool("pdftoppm", "-png -r 60 -f " + std::to_string(first) + " -l " +
                                   std::to_string(last) + " " + quoted(file_) + " " +
                                   quoted(prefix));
    }

  private:
    TempDir dir_;
    std::filesystem::path file_;
    WrittenPdf written_;
};

Document handoutOf(const std::string& sessionId, const ServiceContact& contact = kContact) {
    auto [module, session] = shippedSession(sessionId);
    return carersHandout(*module, *session, contact);
}

Document modulePack(const roundtable::curriculum::Module& module) {
    return carersPack({&module, 1}, kContact);
}

bool overlaps(double top0, double bottom0, double top1, double bottom1) {
    return top0 < bottom1 && top1 < bottom0;
}

/// The line that begins `text` on `page` to the right of `after` (the nearest to `nearY` when
/// several could): a point's first line starts its text.
std::optional<TextLine> lineStarting(const std::vector<TextLine>& lines, int page,
                                     const std::string& text, double after, double nearY) {
    std::optional<TextLine> best;
    auto whole = folded(text);
    for (const auto& line : lines) {
        auto start = folded(line.text);
        if (line.page != page || line.x0 < after || start.empty() || !whole.starts_with(start))
            continue;
        auto distance = [&](const TextLine& each) {
            return std::abs((each.y0 + each.y1) / 2 - nearY);
        };
        if (!best || distance(line) < distance(*best))
            best = line;
    }
    return best;
}

/// Every picture the renderer reports has its text's first line just right of it, on the
/// same line (their boxes overlap from top to bottom).
void checkPicturesBesideTheirText(const RenderedPdf& pdf) {
    auto lines = textLines(pdf.file());
    REQUIRE_FALSE(pdf.written().pictures.empty());
    for (const auto& picture : pdf.written().pictures) {
        INFO(picture.text);
        const auto& box = picture.box;
        auto line = lineStarting(lines, picture.page, picture.text, box.x + box.width,
                                 box.y + box.height / 2);
        REQUIRE(line);
        CHECK(line->x0 - (box.x + box.width) < 30.0);
        CHECK(overlaps(box.y, box.y + box.height, line->y0, line->y1));
    }
}

/// Every filled path on a page lies in a picture the renderer reports there, and every picture
/// has paths: the pictures are vector drawings, where the renderer says it drew them. (A path
/// may run off its picture's edge, where it is clipped: its middle is inside.)
void checkPicturesAreVectors(const RenderedPdf& pdf) {
    auto paths = filledPaths(pdf.file());
    const auto& pictures = pdf.written().pictures;
    auto inside = [&](const PathBox& path, const DrawnPicture& picture) {
        const auto& box = picture.box;
        double x = (path.x0 + path.x1) / 2;
        double y = (path.y0 + path.y1) / 2;
        return picture.page == path.page && x >= box.x && x <= box.x + box.width && y >= box.y &&
               y <= box.y + box.height;
    };
    for (const auto& path : paths) {
        CHECK_MESSAGE(std::any_of(pictures.begin(), pictures.end(),
                                  [&](const auto& picture) { return inside(path, picture); }),
                      "a filled path on page " << path.page + 1 << " at " << path.x0 << ","
                                               << path.y0 << " to " << path.x1 << "," << path.y1
                                               << " is in no picture");
    }
    for (const auto& picture : pictures) {
        CHECK_MESSAGE(std::any_of(paths.begin(), paths.end(),
                                  [&](const auto& path) { return inside(path, picture); }),
                      picture.name << " on page " << picture.page + 1 << " has no vector paths");
    }
    // pdfimages lists a header of two lines and one line for each image.
    auto images = runPdfTool("pdfimages", "-list " + quoted(pdf.file()));
    CHECK(std::count(images.begin(), images.end(), '\n') == 2);
}

void checkFontsEmbeddedAndUpright(const RenderedPdf& pdf) {
    auto fonts = pdfFonts(pdf.file());
    REQUIRE_FALSE(fonts.empty());
    for (const auto& font : fonts) {
        INFO(font.name);
        CHECK(font.embedded);
        CHECK(font.name.find("Oblique") == std::string::npos);
        CHECK(font.name.find("Italic") == std::string::npos);
    }
}

void checkEasyReadSizes(const RenderedPdf& pdf) {
    auto lines = textLines(pdf.file());
    REQUIRE_FALSE(lines.empty());
    for (const auto& line : lines) {
        INFO(line.text);
        CHECK(line.smallestSize >= kEasyReadSmallest);
    }
}

/// The running header and "Page X of Y" on every page.
void checkHeaderAndPageNumbers(const RenderedPdf& pdf) {
    auto pages = pageTexts(pdf.file());
    REQUIRE(static_cast<int>(pages.size()) == pdf.written().pages);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        auto text = folded(pages[i]);
        CHECK(text.starts_with("Roundtable "));
        CHECK(text.find("Page " + std::to_string(i + 1) + " of " + std::to_string(pages.size())) !=
              std::string::npos);
    }
}

/// The lines below the running header of `page`, from the top.
std::vector<TextLine> bodyLines(const std::vector<TextLine>& lines, int page, double bodyTop) {
    std::vector<TextLine> body;
    std::copy_if(lines.begin(), lines.end(), std::back_inserter(body),
                 [&](const auto& line) { return line.page == page && line.y0 >= bodyTop; });
    std::sort(body.begin(), body.end(), [](const auto& a, const auto& b) {
        return std::pair(a.y0, a.x0) < std::pair(b.y0, b.x0);
    });
    return body;
}

bool isNumber(const std::string& text) {
    return !text.empty() &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// pdftotext joins a word broken at its hyphen at the end of a line ("high-" "risk" becomes
/// "highrisk"): text compared with its output is compared without hyphens.
std::string withoutHyphens(std::string text) {
    std::erase(text, '-');
    return text;
}

/// The page number the contents give for `title`: printed at the right of the line that
/// starts the title, on whichever page of the contents it is.
std::optional<int> pageListedFor(const std::vector<TextLine>& lines, const std::string& title) {
    for (const auto& entry : lines) {
        if (entry.text.empty() || !title.starts_with(entry.text))
            continue;
        auto number = std::find_if(lines.begin(), lines.end(), [&](const auto& line) {
            return line.page == entry.page && isNumber(line.text) && line.x0 > entry.x1 &&
                   overlaps(entry.y0, entry.y1, line.y0, line.y1);
        });
        if (number != lines.end())
            return std::stoi(number->text);
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("a carers' handout PDF: A4, fonts embedded and upright, the header on every page") {
    RenderedPdf pdf(handoutOf("relationships-01"));
    auto info = pdfInfo(pdf.file());
    CHECK(info.pages == pdf.written().pages);
    CHECK(info.pages == 2);
    CHECK(info.width == 595);
    CHECK(info.height == 842);
    CHECK(info.title == "What the group did: Kinds of relationships");
    CHECK(info.creator == "Roundtable");
    checkFontsEmbeddedAndUpright(pdf);
    checkHeaderAndPageNumbers(pdf);
    // The text is text: it can be selected and searched.
    auto first = folded(pageTexts(pdf.file()).front());
    CHECK(first.find("What the group did Kinds of relationships") != std::string::npos);
    CHECK(first.find("The men talked about different kinds of relationships.") !=
          std::string::npos);
    pdf.keepPng("handout", 1, 2);
}

TEST_CASE("every text on an easy-read document is 14 pt or more") {
    checkEasyReadSizes(RenderedPdf(handoutOf("carers-03", {})));
    checkEasyReadSizes(RenderedPdf(easyReadSummary(*shippedSession("four-steps-02").session)));
    checkEasyReadSizes(RenderedPdf(modulePack(shippedProgramme().modules[0])));
    // Body text is 16 pt.
    auto lines = textLines(RenderedPdf(handoutOf("relationships-01")).file());
    auto point = std::find_if(lines.begin(), lines.end(), [](const auto& line) {
        return line.text.starts_with("Please keep this paper");
    });
    REQUIRE(point != lines.end());
    CHECK(point->smallestSize == 16);
}

TEST_CASE("each easy-read picture is on the left of its text, on the same line") {
    checkPicturesBesideTheirText(RenderedPdf(handoutOf("relationships-01")));
    checkPicturesBesideTheirText(RenderedPdf(handoutOf("carers-01", {})));
    checkPicturesBesideTheirText(
        RenderedPdf(easyReadSummary(*shippedSession("relationships-01").session)));
}

TEST_CASE("pictures are vector paths where the renderer drew them, and nothing is a bitmap") {
    checkPicturesAreVectors(RenderedPdf(handoutOf("relationships-01")));
    checkPicturesAreVectors(RenderedPdf(easyReadSummary(*shippedSession("carers-05").session)));
}

TEST_CASE("US Letter paper is 612 x 792 points") {
    auto handout = handoutOf("framework-01");
    handout.paper = Paper::letter;
    RenderedPdf pdf(handout);
    auto info = pdfInfo(pdf.file());
    CHECK(info.width == 612);
    CHECK(info.height == 792);
    checkPicturesBesideTheirText(pdf);
}

TEST_CASE(
    "every shipped module's carers' pack fits 24 pages and its contents give the right pages") {
    for (const auto& module : shippedProgramme().modules) {
        INFO(module.id);
        RenderedPdf pdf(modulePack(module));
        auto info = pdfInfo(pdf.file());
        CHECK(info.pages == pdf.written().pages);
        CHECK(info.pages <= 24);
        auto lines = textLines(pdf.file());
        auto pages = pageTexts(pdf.file());
        for (const auto& session : module.sessions) {
            INFO(session.id);
            // The entry's first line in the contents, with its page number at the right.
            auto number = pageListedFor(lines, std::string(session.title));
            REQUIRE(number);
            int page = *number - 1;
            REQUIRE(page > 0);
            REQUIRE(page < info.pages);
            // That page starts with the handout's title.
            auto body = bodyLines(lines, page, 80.0);
            REQUIRE_FALSE(body.empty());
            CHECK(body.front().text == "What the group did");
            CHECK(withoutHyphens(folded(pages[static_cast<std::size_t>(page)]))
                      .find(withoutHyphens("What the group did " + std::string(session.title))) !=
                  std::string::npos);
        }
        checkFontsEmbeddedAndUpright(pdf);
        if (module.id == "relationships")
            pdf.keepPng("carers-pack", 1, 3);
    }
}

TEST_CASE("the whole programme's carers' pack numbers every page") {
    RenderedPdf pdf(carersPack(shippedProgramme().modules, kContact));
    CHECK(pdfInfo(pdf.file()).pages == pdf.written().pages);
    checkHeaderAndPageNumbers(pdf);
}

TEST_CASE("the members' easy-read summary PDF") {
    RenderedPdf pdf(easyReadSummary(*shippedSession("relationships-01").session));
    auto first = folded(pageTexts(pdf.file()).front());
    CHECK(first.find("What we did today") != std::string::npos);
    CHECK(first.find("We learned about different kinds of relationships.") != std::string::npos);
    checkFontsEmbeddedAndUpright(pdf);
    checkHeaderAndPageNumbers(pdf);
    pdf.keepPng("easy-read-summary", 1, 2);
}

TEST_CASE("the easy-read relapse plan PDF: 14 pt or more, each picture left of his words") {
    TempDir dir;
    auto store = createTestStore(dir / "service.rtdb");
    writeSmallService(store, shippedProgramme());
    RenderedPdf pdf(easyReadRelapsePlan(roundtable::practice::memberPlan(store, "R0001")), true);
    checkEasyReadSizes(pdf);
    checkPicturesBesideTheirText(pdf);
    checkPicturesAreVectors(pdf);
    checkFontsEmbeddedAndUpright(pdf);
    // The title and a picture for the plan, the date and keeping it, and one for each heading.
    CHECK(pdf.written().pictures.size() == 9);
    pdf.keepPng("relapse-plan-easy-read", 1, pdf.written().pages);
}

TEST_CASE("the easy-read relapse plan is a booklet: A5 pages that read in order once folded") {
    TempDir dir;
    auto store = createTestStore(dir / "service.rtdb");
    writeSmallService(store, shippedProgramme());
    RenderedPdf pdf(easyReadRelapsePlan(roundtable::practice::memberPlan(store, "R0001")), true);
    // A4 sheets on their side, front and back of each folded sheet.
    auto info = pdfInfo(pdf.file());
    CHECK(info.width == 842);
    CHECK(info.height == 595);
    REQUIRE(info.pages % 2 == 0);
    const int sheets = info.pages / 2;
    // Reading the folded stack: down its right halves (the fronts' right, then the backs'
    // left, sheet by sheet inwards), then back out through the other halves.
    std::vector<std::pair<int, bool>> readingOrder;  // (file page, right half?)
    for (int sheet = 0; sheet < sheets; ++sheet) {
        readingOrder.emplace_back(2 * sheet, true);
        readingOrder.emplace_back(2 * sheet + 1, false);
    }
    for (int sheet = sheets - 1; sheet >= 0; --sheet) {
        readingOrder.emplace_back(2 * sheet + 1, true);
        readingOrder.emplace_back(2 * sheet, false);
    }
    auto lines = textLines(pdf.file());
    auto numberOf = [&](int page, bool right) -> std::string {
        for (const auto& line : lines) {
            if (line.page == page && line.text.starts_with("Page ") && (line.x0 > 421) == right)
                return line.text;
        }
        return "";  // a blank page
    };
    int printed = 0;
    while (printed < static_cast<int>(readingOrder.size()) &&
           !numberOf(readingOrder[static_cast<std::size_t>(printed)].first,
                     readingOrder[static_cast<std::size_t>(printed)].second)
                .empty())
        ++printed;
    REQUIRE(printed >= 2);
    CHECK(printed > 2 * sheets - 4);  // at most three blank pages at the end
    for (int i = 0; i < static_cast<int>(readingOrder.size()); ++i) {
        const auto [page, right] = readingOrder[static_cast<std::size_t>(i)];
        INFO("booklet page " << i + 1);
        CHECK(numberOf(page, right) ==
              (i < printed ? "Page " + std::to_string(i + 1) + " of " + std::to_string(printed)
                           : std::string()));
    }
    // The first page (front right) opens with the title.
    auto first = folded(pageTexts(pdf.file()).front());
    CHECK(first.find("My plan to stay safe") != std::string::npos);
    CHECK(first.find("This is the plan of Owen Marsh.") != std::string::npos);
}

TEST_CASE("a table longer than a page goes on over the next with its headings at the top") {
    Document document;
    document.typography = Typography::standard;
    document.orientation = Orientation::landscape;
    document.title = "Long table";
    Table table{{{"Number", 1.0, true}, {"Text", 4.0, false}}, {}, false};
    constexpr int kRows = 80;
    for (int row = 1; row <= kRows; ++row)
        table.rows.push_back({std::to_string(row), "Row " + std::to_string(row) + "."});
    document.blocks.push_back(Heading{"Long table", 1, {}});
    document.blocks.push_back(std::move(table));
    RenderedPdf pdf(document);
    auto info = pdfInfo(pdf.file());
    CHECK(info.width == 842);
    CHECK(info.height == 595);
    REQUIRE(info.pages >= 3);
    std::string all;
    for (const auto& page : pageTexts(pdf.file())) {
        auto text = folded(page);
        CHECK(text.find("Number Text") != std::string::npos);
        all += text + " ";
    }
    // Every row once, none split or lost between pages.
    for (int row = 1; row <= kRows; ++row) {
        auto cells = std::to_string(row) + " Row " + std::to_string(row) + ".";
        auto first = all.find(" " + cells + " ");
        CHECK(first != std::string::npos);
        CHECK(all.find(" " + cells + " ", first + 1) == std::string::npos);
    }
}

TEST_CASE("the year register PDF is landscape, its marks in a grid under the session numbers") {
    TempDir dir;
    auto store = createTestStore(dir / "service.rtdb");
    auto service = writeSmallService(store, shippedProgramme());
    RenderedPdf pdf(
        yearRegister(roundtable::practice::groupYear(store, service.group), MemberNaming::codes,
                     roundtable::practice::DateOrder::yearMonthDay),
        true);
    auto info = pdfInfo(pdf.file());
    CHECK(info.width == 842);
    CHECK(info.height == 595);
    checkFontsEmbeddedAndUpright(pdf);
    checkHeaderAndPageNumbers(pdf);
    // Read as laid out, each man's marks are one line in session order.
    auto layout = folded(runPdfTool("pdftotext", "-layout " + quoted(pdf.file()) + " -"));
    CHECK(layout.find("Member 1 2 3 4 5 6 7 8") != std::string::npos);
    CHECK(layout.find("R0001 P L P A P E x") != std::string::npos);
    CHECK(layout.find("Present 2 1 3 2 2 2") != std::string::npos);
    for (const auto& page : pageTexts(pdf.file()))
        CHECK(folded(page).find("Confidential") != std::string::npos);
    pdf.keepPng("register", 1, pdf.written().pages);
}

TEST_CASE("the progress report PDF gives each milestone he reached on one line with its day") {
    TempDir dir;
    auto store = createTestStore(dir / "service.rtdb");
    auto service = writeSmallService(store, shippedProgramme());
    roundtable::practice::Practice practice(store, shippedProgramme());
    practice.recordMilestone(service.owen, "account-four-steps", "2026-10-20", "");
    practice.recordMilestone(service.owen, "relapse-plan-written", "2026-10-27", "");
    auto period = roundtable::practice::memberPeriod(store, "R0001", {}, "2026-12-01"_date, false);
    RenderedPdf pdf(memberReport(period, shippedProgramme(),
                                 {{},
                                  false,
                                  {"admin", "Facilitator", "2026-12-01"_date},
                                  roundtable::practice::DateOrder::yearMonthDay}),
                    true);
    checkFontsEmbeddedAndUpright(pdf);
    checkHeaderAndPageNumbers(pdf);
    // Read as laid out: the heading, then each milestone's name and day side by side.
    auto layout = folded(runPdfTool("pdftotext", "-layout " + quoted(pdf.file()) + " -"));
    auto milestones = layout.find("Milestones");
    REQUIRE(milestones != std::string::npos);
    CHECK(layout.find("His account of his offending, worked through the four steps 2026-10-20",
                      milestones) != std::string::npos);
    CHECK(layout.find("2026-10-27", milestones) != std::string::npos);
    // Signed in one row, so never parted across pages.
    CHECK(layout.find("admin Facilitator 2026-12-01") != std::string::npos);
    pdf.keepPng("member-report-milestones", 1, pdf.written().pages);
}

TEST_CASE("the session plan PDF is set in 11 pt, with its running clock") {
    auto [module, session] = shippedSession("relationships-01");
    RenderedPdf pdf(sessionPlan(*module, *session, {*ClockTime::parse("13:30"), {}, {}}));
    std::map<double, std::size_t> characters;
    for (const auto& line : textLines(pdf.file())) {
        CHECK(line.smallestSize >= 9);
        characters[line.smallestSize] += line.text.size();
    }
    auto commonest = std::max_element(characters.begin(), characters.end(),
                                      [](auto a, auto b) { return a.second < b.second; });
    CHECK(commonest->first == 11);
    auto text = folded(pageTexts(pdf.file()).front());
    CHECK(text.find("13:30\u201313:45 Check-in and starting a new part of the group") !=
          std::string::npos);
    checkFontsEmbeddedAndUpright(pdf);
    checkHeaderAndPageNumbers(pdf);
    pdf.keepPng("session-plan", 1, 2);
}

TEST_CASE("the recovery key sheet is written 0600, marked confidential, the key in monospace") {
    RenderedPdf pdf(recoveryKeySheet(kTestKey, "service.rtdb", kTestCheckKey), true);
    struct stat status {};
    REQUIRE(::stat(pdf.file().c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
    auto text = folded(pageTexts(pdf.file()).front());
    CHECK(text.find("ABCD-EFGH-IJKL-MNOP QRST-UVWX-YZ23-4567 ABCD-EFGH-IJKL-MNOP Q") !=
          std::string::npos);
    CHECK(text.find("01234567 89abcdef 01234567 89abcdef 01234567 89abcdef 01234567 89abcdef") !=
          std::string::npos);
    CHECK(text.find("Confidential") != std::string::npos);
    CHECK(pdf.written().pages == 1);
    auto fonts = pdfFonts(pdf.file());
    CHECK(std::any_of(fonts.begin(), fonts.end(), [](const auto& font) {
        return font.name.find("DejaVuSansMono") != std::string::npos;
    }));
    checkFontsEmbeddedAndUpright(pdf);
    pdf.keepPng("recovery-key", 1, 1);
}

TEST_CASE("a heading is never last on a page, and nothing runs into the footer") {
    Document document;
    document.title = "Many sections";
    for (int section = 0; section < 30; ++section) {
        document.blocks.push_back(Heading{"Section " + std::to_string(section + 1), 2, {}});
        for (int point = 0; point < 1 + section % 3; ++point) {
            document.blocks.push_back(
                EasyReadPoint{"talking",
                              "A point that takes more than one line, so that the rows differ in "
                              "height from one section to the next."});
        }
    }
    RenderedPdf pdf(document);
    auto lines = textLines(pdf.file());
    for (int page = 0; page < pdf.written().pages; ++page) {
        auto body = bodyLines(lines, page, 80.0);
        REQUIRE(body.size() >= 2);
        const auto& footer = body.back();
        REQUIRE(footer.text.starts_with("Page "));
        const auto& last = body[body.size() - 2];
        INFO("page " << page + 1);
        CHECK_FALSE(last.text.starts_with("Section "));
        CHECK(last.y1 < footer.y0);
    }
    for (const auto& picture : pdf.written().pictures) {
        auto footer = bodyLines(lines, picture.page, 80.0).back();
        CHECK(picture.box.y + picture.box.height < footer.y0);
    }
}

TEST_CASE("a paragraph longer than a page breaks between lines, losing none") {
    std::string words;
    for (int i = 1; i <= 1500; ++i) {
        words += i > 1 ? " w" : "w";
        words += std::to_string(i);
    }
    Document document;
    document.typography = Typography::standard;
    document.title = "Long";
    document.blocks.push_back(Paragraph{words, {}});
    RenderedPdf pdf(document);
    CHECK(pdf.written().pages >= 2);
    std::string text;
    auto lines = textLines(pdf.file());
    for (int page = 0; page < pdf.written().pages; ++page) {
        auto body = bodyLines(lines, page, 70.0);
        body.pop_back();  // the page number
        CHECK(body.size() >= 2);
        for (const auto& line : body)
            text += line.text + " ";
    }
    CHECK(folded(text) == words);
}

TEST_CASE("a page can be drawn onto any cairo context, such as a print preview's") {
    PageLayout layout(handoutOf("relationships-01"), kShippedPictures);
    const double scale = 2.0;  // a preview at 144 dpi
    auto size = layout.pageSize();
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(size.width * scale),
                                   static_cast<int>(size.height * scale)),
        cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                          cairo_destroy);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);
    layout.drawPage(cr.get(), 0);
    CHECK(cairo_status(cr.get()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(surface.get());
    // The first picture's middle is drawn in colour, not left white.
    const auto& picture = layout.pictures().front();
    auto* pixels = cairo_image_surface_get_data(surface.get());
    auto stride = cairo_image_surface_get_stride(surface.get());
    std::size_t nonWhite = 0;
    for (int y = static_cast<int>(picture.box.y * scale);
         y < static_cast<int>((picture.box.y + picture.box.height) * scale); ++y) {
        for (int x = static_cast<int>(picture.box.x * scale);
             x < static_cast<int>((picture.box.x + picture.box.width) * scale); ++x) {
            auto pixel = *reinterpret_cast<const std::uint32_t*>(pixels + y * stride + x * 4);
            nonWhite += (pixel & 0xffffff) != 0xffffff;
        }
    }
    CHECK(nonWhite > 100);
    CHECK_THROWS_AS(layout.drawPage(cr.get(), layout.pageCount()), DocumentError);
}

TEST_CASE("a document that cannot be made leaves no file, and what was there untouched") {
    TempDir dir;
    auto target = dir / "handout.pdf";
    writeFile(target, "what was there");
    auto fails = [&](Document document, const std::string& message) {
        INFO(message);
        CHECK_THROWS_WITH_AS(writePdf(document, target, {kShippedPictures, false}),
                             doctest::Contains(message.c_str()), DocumentError);
        CHECK(readFile(target) == "what was there");
        CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                            std::filesystem::directory_iterator()) == 1);
    };
    auto withPoint = [](const std::string& picture, const std::string& text) {
        Document document;
        document.title = "Bad";
        document.blocks.push_back(EasyReadPoint{picture, text});
        return document;
    };
    fails(withPoint("no-such-picture", "Text."), "Cannot read the picture");
    fails(withPoint("../pictures/talking", "Text."), "is not a picture name");
    fails(withPoint("talking", "Not UTF-8: \xff\xfe"), "not valid UTF-8");
    fails(withPoint("talking", std::string(80, '\n')), "too long for one page");
    Document contents;
    contents.title = "Contents";
    contents.blocks.push_back(Contents{{{"Nowhere", "no-such-heading"}}});
    fails(contents, "which is not in it");

    CHECK_THROWS_WITH_AS(writePdf(handoutOf("relationships-01"), dir / "missing" / "h.pdf",
                                  {kShippedPictures, false}),
                         doctest::Contains("Cannot write"), DocumentError);
    CHECK_FALSE(std::filesystem::exists(dir / "missing"));
}

TEST_CASE("writing reports each page, and a writing cancelled part-way leaves no file") {
    TempDir dir;
    auto target = dir / "pack.pdf";
    writeFile(target, "what was there");
    auto pack = modulePack(*shippedProgramme().findModule("framework"));
    std::vector<std::pair<int, int>> reported;
    PdfOptions options{kShippedPictures, false, [&](int done, int pages) {
                           reported.emplace_back(done, pages);
                           return done < 3;
                       }};
    auto written = writePdf(pack, target, options);
    CHECK(written.cancelled);
    CHECK(written.pages == 0);
    CHECK(reported == std::vector<std::pair<int, int>>{{1, reported[0].second},
                                                       {2, reported[0].second},
                                                       {3, reported[0].second}});
    CHECK(reported[0].second > 3);
    CHECK(readFile(target) == "what was there");
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                        std::filesystem::directory_iterator()) == 1);

    // The same document laid out once, as a preview has it, written whole.
    reported.clear();
    options.progress = [&](int done, int pages) {
        reported.emplace_back(done, pages);
        return true;
    };
    PageLayout layout(pack, kShippedPictures);
    written = writePdf(layout, target, options);
    CHECK_FALSE(written.cancelled);
    CHECK(written.pages == layout.pageCount());
    CHECK(reported.size() == static_cast<std::size_t>(layout.pageCount()));
    CHECK(pdfInfo(target).pages == layout.pageCount());
    CHECK(pdfInfo(target).title == pack.title);
}

TEST_CASE("a private document replaces a wider file with one only its owner can read") {
    TempDir dir;
    auto target = dir / "sheet.pdf";
    writeFile(target, "old");
    ::chmod(target.c_str(), 0644);
    writePdf(recoveryKeySheet(kTestKey, "s.rtdb", kTestCheckKey), target, {kShippedPictures, true});
    struct stat status {};
    REQUIRE(::stat(target.c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == 0600);
    CHECK(readFile(target).starts_with("%PDF-"));
}

namespace {

/// A real PNG of `side` x `side` pixels, made by cairo.
std::string pngBytes(int side) {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_ARGB32, side, side), cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                          cairo_destroy);
    cairo_set_source_rgb(cr.get(), 0.2, 0.4, 0.7);
    cairo_arc(cr.get(), side / 2.0, side / 2.0, side / 3.0, 0, 6.3);
    cairo_fill(cr.get());
    std::string bytes;
    cairo_surface_write_to_png_stream(
        surface.get(),
        [](void* closure, const unsigned char* data, unsigned int length) {
            static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
            return CAIRO_STATUS_SUCCESS;
        },
        &bytes);
    return bytes;
}

}  // namespace

TEST_CASE("pictures held in memory are drawn: an SVG as vector paths, a PNG as an image") {
    Document document;
    document.title = "Pictures of a service";
    document.blocks.emplace_back(std::in_place_type<EasyReadPoint>,
                                 EasyReadPoint{"people", "A picture the service drew in SVG."});
    document.blocks.emplace_back(std::in_place_type<EasyReadPoint>,
                                 EasyReadPoint{"wave", "A picture the service added as a PNG."});
    std::map<std::string, PictureSource::Picture> pictures = {
        {"people", {"svg", readFile(kShippedPictures / "group.svg")}},
        {"wave", {"png", pngBytes(96)}}};
    TempDir dir;
    auto file = dir / "pictures.pdf";
    auto written = writePdf(document, file, {PictureSource(pictures), false});
    REQUIRE(written.pictures.size() == 2);
    // pdfimages lists one line for each image (and one for its transparency mask): the PNG is
    // the only image, at its own 96 x 96 pixels; the SVG stayed vector paths.
    auto images = runPdfTool("pdfimages", "-list " + quoted(file));
    INFO(images);
    int imageLines = 0;
    std::istringstream lines(images);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream columns(line);
        std::string page, number, type;
        columns >> page >> number >> type;
        imageLines += type == "image";
    }
    CHECK(imageLines == 1);
    CHECK(images.find(" 96    96 ") != std::string::npos);
    runPdfTool("pdftoppm", "-png -r 60 -f 1 -l 1 " + quoted(file) + " " +
                               quoted(std::filesystem::path(ROUNDTABLE_PNG_DIR) /
                                      "document-pictures-in-memory"));

    document.blocks.emplace_back(std::in_place_type<EasyReadPoint>,
                                 EasyReadPoint{"no-such-picture", "Not in the programme."});
    CHECK_THROWS_WITH_AS(writePdf(document, dir / "missing.pdf", {PictureSource(pictures), false}),
                         doctest::Contains("no picture \"no-such-picture\""), DocumentError);
    CHECK_FALSE(std::filesystem::exists(dir / "missing.pdf"));
}
