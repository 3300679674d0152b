// Charts: what a reader sees on one (its texts), series told apart without colour, refusals of
// a chart that cannot be drawn, the same drawing at 1x and 2x, and the progress report's charts
// in a real PDF read back by poppler (axis labels and legend as text, fonts embedded), kept as
// build/document-member-report-chart.png for a person to look at.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <set>

#include "documents/ChartDrawing.h"
#include "documents/Fixtures.h"
#include "documents/GroupCharts.h"
#include "documents/MemberReport.h"
#include "documents/PdfFile.h"
#include "documents/PdfTools.h"
#include "documents/ProgressCharts.h"
#include "support/SmallService.h"
#include "support/TempDir.h"
#include "support/TestStore.h"

using namespace roundtable::documents;
using namespace roundtable::test;
namespace practice = roundtable::practice;
namespace records = roundtable::records;

namespace {

constexpr auto kIso = practice::DateOrder::yearMonthDay;

Chart twoSeries() {
    Chart chart;
    chart.title = "Ratings";
    chart.categories = {"2026-09-03", "2026-09-10", "2026-09-17"};
    chart.valueMin = 0;
    chart.valueMax = 3;
    chart.valueLabel = "Rating, from 0 to 3";
    chart.categoryLabel = "Session date";
    chart.series = {{"Keeps the rules", {0.0, std::nullopt, 2.0}, markerFor(0), dashFor(0), {}, {}},
                    {"Listens", {1.0, 1.0, 3.0}, markerFor(1), dashFor(1), {}, {}}};
    return chart;
}

/// The chart drawn at `scale` device pixels per point into a white image of `width` x `height`
/// points; how many pixels are not white.
std::size_t inkedPixels(const Chart& chart, double width, double height, double scale) {
    std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
        cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width * scale),
                                   static_cast<int>(height * scale)),
        cairo_surface_destroy);
    std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr(cairo_create(surface.get()),
                                                          cairo_destroy);
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), scale, scale);
    drawChart(cr.get(), chart, {0, 0, width, height}, Typography::standard);
    REQUIRE(cairo_status(cr.get()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(surface.get());
    const auto* pixels = cairo_image_surface_get_data(surface.get());
    const auto stride = cairo_image_surface_get_stride(surface.get());
    std::size_t inked = 0;
    for (int y = 0; y < cairo_image_surface_get_height(surface.get()); ++y) {
        for (int x = 0; x < cairo_image_surface_get_width(surface.get()); ++x) {
            auto pixel = *reinterpret_cast<const std::uint32_t*>(pixels + y * stride + x * 4);
            inked += (pixel & 0xffffff) != 0xffffff;
        }
    }
    return inked;
}

/// The small service with more of Owen's scores, so his charts have lines to draw.
struct ServiceStore {
    TempDir dir;
    records::RecordStore store = createTestStore(dir / "service.rtdb");
    SmallService service = writeSmallService(store, shippedProgramme());
    ServiceStore() {
        practice::Practice practice(store, shippedProgramme());
        practice.recordOutcomeScore(service.owen, "sexual-knowledge", "after", "2026-11-20", 58);
        practice.recordOutcomeScore(service.owen, "session-rating", "each-session", "2026-09-10",
                                    6);
        practice.recordOutcomeScore(service.owen, "session-rating", "each-session", "2026-09-17",
                                    8);
    }
    Document report() {
        auto period = practice::memberPeriod(store, "R0001", {}, "2026-12-01"_date, false);
        return memberReport(period, shippedProgramme(),
                            {"", false, {"admin", "Facilitator", "2026-12-01"_date}, kIso});
    }
};

std::vector<Chart> chartsOf(const Document& document) {
    std::vector<Chart> charts;
    for (const auto& block : document.blocks) {
        if (const auto* chart = std::get_if<Chart>(&block))
            charts.push_back(*chart);
    }
    return charts;
}

}  // namespace

TEST_CASE("a chart's texts are its title, axis labels, categories and legend") {
    auto chart = twoSeries();
    chart.marks = {{2, "After"}};
    CHECK(textsOf(chart) == std::vector<std::string>{"Ratings", "Rating, from 0 to 3", "2026-09-03",
                                                     "2026-09-10", "2026-09-17", "Session date",
                                                     "After", "Keeps the rules", "Listens"});
    // A bar chart has no legend: its one series' texts are at the ends of its bars.
    auto bars = attendanceChart({{
                                     "framework",
                                     "Framework",
                                     4,
                                     5,
                                 },
                                 {"x", "Relations", 0, 0}});
    CHECK(textsOf(bars) ==
          std::vector<std::string>{"Sessions attended of those delivered, by module",
                                   "Percent of the sessions delivered while he was a member",
                                   "Framework", "Relations", "4 of 5 (80%)", "none held"});
    CHECK(bars.series[0].values[0] == 80.0);
    CHECK_FALSE(bars.series[0].values[1]);
    // Documents list a chart's texts with their other blocks'.
    Document document;
    document.blocks = {Paragraph{"Before.", {}}, chart};
    CHECK(textsOf(document).size() == 1 + textsOf(chart).size());
}

TEST_CASE("series are told apart by marker and dash, not by colour alone") {
    std::set<std::pair<Marker, Dash>> styles;
    for (std::size_t i = 0; i < 20; ++i)
        styles.insert({markerFor(i), dashFor(i)});
    CHECK(styles.size() == 20);
    for (std::size_t i = 0; i + 1 < 5; ++i) {
        CHECK(markerFor(i) != markerFor(i + 1));
        CHECK(dashFor(i) != dashFor(i + 1));
    }
}

TEST_CASE("a chart that cannot be drawn is refused before anything is drawn") {
    auto chart = twoSeries();
    chart.series[1].values.pop_back();
    CHECK_THROWS_AS((void)chartHeight(chart, 400, Typography::standard), DocumentError);
    chart = twoSeries();
    chart.valueMax = chart.valueMin;
    CHECK_THROWS_AS((void)chartHeight(chart, 400, Typography::standard), DocumentError);
    chart = twoSeries();
    chart.kind = ChartKind::bar;  // two series of bars
    CHECK_THROWS_AS((void)chartHeight(chart, 400, Typography::standard), DocumentError);
}

TEST_CASE("a chart draws the same in points at any scale, for paper and for a 200% screen") {
    const auto chart = twoSeries();
    const double height = chartHeight(chart, 400, Typography::standard);
    CHECK(height > chart.plotHeight);
    CHECK(height < chart.plotHeight + 200);
    const auto once = inkedPixels(chart, 400, height, 1.0);
    const auto twice = inkedPixels(chart, 400, height, 2.0);
    CHECK(once > 2000);
    // Four times the pixels for the same drawing (lines and text are thinner than a pixel at
    // 1x, so not exactly).
    CHECK(twice > 3 * once);
    CHECK(twice < 5 * once);
}

TEST_CASE("the progress report charts his attendance, each module's ratings and each measure") {
    ServiceStore s;
    const auto report = s.report();
    const auto charts = chartsOf(report);
    // Attendance, the framework's ratings (his one relationships note is a draft), two measures.
    REQUIRE(charts.size() == 4);
    CHECK(charts[0].kind == ChartKind::bar);
    CHECK(charts[0].categories == std::vector<std::string>{"Social and therapeutic framework",
                                                           "Human relations and sex education"});
    CHECK(charts[0].series[0].valueTexts ==
          std::vector<std::string>{"4 of 5 (80%)", "1 of 1 (100%)"});
    const auto& ratings = charts[1];
    CHECK(ratings.title == "Social and therapeutic framework: progress indicators");
    CHECK(ratings.categories ==
          std::vector<std::string>{"2026-09-03", "2026-09-10", "2026-09-17", "2026-10-01"});
    REQUIRE(ratings.series.size() == 3);
    CHECK(ratings.series[0].name == "Keeps to the group rules");
    CHECK(ratings.series[0].values == std::vector<std::optional<double>>{0.0, 0.0, 1.0, 2.0});
    CHECK(ratings.valueMin == 0);
    CHECK(ratings.valueMax == 3);
    // Scores: a time point each for a measure taken once at each; by date for every session's.
    const auto& knowledge = charts[2];
    CHECK(knowledge.title == "Sexual knowledge");
    CHECK(knowledge.categories ==
          std::vector<std::string>{"Before the group starts", "When the treatment year ends"});
    CHECK(knowledge.series[0].values == std::vector<std::optional<double>>{41.0, 58.0});
    CHECK(knowledge.series[0].name == "His score (higher is better)");
    CHECK(knowledge.valueMax == 100);
    const auto& felt = charts[3];
    CHECK(felt.categories == std::vector<std::string>{"2026-09-03", "2026-09-10", "2026-09-17"});
    CHECK(felt.categoryLabel == "Date taken");
    CHECK(felt.valueMax == 10);
}

TEST_CASE("the progress report's charts are text in the PDF, in embedded fonts") {
    ServiceStore s;
    TempDir dir;
    const auto file = dir / "report.pdf";
    const auto written = writePdf(s.report(), file, {kShippedPictures, true});
    for (const auto& font : pdfFonts(file)) {
        INFO(font.name);
        CHECK(font.embedded);
    }
    const auto pages = pageTexts(file);
    REQUIRE(static_cast<int>(pages.size()) == written.pages);
    std::string all;
    for (const auto& page : pages)
        all += folded(page) + " ";
    // Axis labels, tick labels, categories and the legend, each found as text.
    for (const char* text :
         {"Sessions attended of those delivered, by module", "4 of 5 (80%)", "100%",
          "Social and therapeutic framework: progress indicators", "Rating, from 0 to 3",
          "Session date", "Keeps to the group rules", "Says why he is in the group",
          "Score, from 0 to 100", "His score (higher is better)", "When the treatment year ends",
          "Date taken"}) {
        INFO(text);
        CHECK(all.find(text) != std::string::npos);
    }
    // The pages with the attendance bars, the first ratings chart and the first scores chart,
    // kept for a person to look at.
    for (const auto& [shown, name] : std::vector<std::pair<std::string, std::string>>{
             {"Percent of the sessions delivered", "document-member-report-attendance"},
             {"Rating, from 0 to 3", "document-member-report-chart"},
             {"Score, from 0 to 100", "document-member-report-scores"}}) {
        auto page = std::find_if(pages.begin(), pages.end(), [&](const auto& text) {
            return folded(text).find(shown) != std::string::npos;
        });
        REQUIRE(page != pages.end());
        const auto number = std::to_string(page - pages.begin() + 1);
        const auto png = std::filesystem::path(ROUNDTABLE_PNG_DIR) / name;
        runPdfTool("pdftoppm", "-png -r 90 -singlefile -f " + number + " -l " + number + " " +
                                   quoted(file) + " " + quoted(png));
        CHECK(std::filesystem::exists(png.string() + ".png"));
    }
}

namespace {

/// A group's year of 52 session ratings: three or four men rated at most sessions, none at
/// every ninth (the line breaks there).
practice::RatingTrend yearOfRatings() {
    practice::RatingTrend trend{"session-rating", "How the session felt", 0, 10, true, {}, {}};
    records::Member adam;
    adam.code = "R0001";
    adam.name = "Adam Able";
    trend.members.push_back({adam, {}});
    for (int s = 0; s < 52; ++s) {
        records::Session session;
        session.date = "2026-01-06"_date.plusDays(7 * s);
        std::vector<int> ratings;
        if (s % 9 != 8) {
            ratings = {4 + s % 5, 6 + s % 3, 8 - s % 4};
            trend.members[0].ratings.push_back({session.date, ratings[0]});
        }
        trend.sessions.push_back({session, practice::spreadOf(ratings)});
    }
    return trend;
}

}  // namespace

TEST_CASE("a group's charts show each mean with its range as a capped bar, a gap where none") {
    practice::MeasureOutcome measure{"sexual-knowledge", "Sexual knowledge", 0, 100, true, {}};
    measure.timePoints = {{"before", "Before the group starts", practice::spreadOf({40, 60, 56})},
                          {"after", "When the treatment year ends", practice::spreadOf({})}};
    const auto chart = measureOutcomeChart(measure);
    CHECK(chart.title == "Sexual knowledge");
    CHECK(chart.categories == std::vector<std::string>{"Before the group starts (3)",
                                                       "When the treatment year ends (0)"});
    CHECK(chart.valueLabel == "Score, from 0 to 100 (higher is better)");
    REQUIRE(chart.series.size() == 1);
    CHECK(chart.series[0].values == std::vector<std::optional<double>>{52.0, std::nullopt});
    REQUIRE(chart.series[0].ranges.size() == 2);
    CHECK(chart.series[0].ranges[0]->low == 40.0);
    CHECK(chart.series[0].ranges[0]->high == 60.0);
    CHECK_FALSE(chart.series[0].ranges[1]);
    const auto texts = textsOf(chart);
    CHECK(std::find(texts.begin(), texts.end(),
                    "Group mean; the bar runs from the lowest score to the highest") !=
          texts.end());

    // The bars are drawn (more ink than the same chart without them); a range for some
    // categories only is refused.
    auto bare = chart;
    bare.series[0].ranges.clear();
    const double height = chartHeight(chart, 400, Typography::standard);
    CHECK(inkedPixels(chart, 400, height, 1.0) > inkedPixels(bare, 400, height, 1.0) + 20);
    bare.series[0].ranges = {ChartRange{1.0, 2.0}};
    CHECK_THROWS_AS((void)chartHeight(bare, 400, Typography::standard), DocumentError);

    // A year of session ratings: the group's, and a member's beside the group's mean.
    const auto trend = yearOfRatings();
    const auto group = groupRatingChart(trend, kIso);
    CHECK(group.title == "How the session felt: the group");
    CHECK(group.categories.size() == 52);
    CHECK(group.categories.front() == "2026-01-06");
    CHECK_FALSE(group.series[0].values[8]);
    const auto his = memberRatingChart(trend, 0, kIso);
    CHECK(his.title == "How the session felt: R0001  Adam Able");
    REQUIRE(his.series.size() == 2);
    CHECK(his.series[0].name == "His rating");
    CHECK(his.series[0].values[0] == 4.0);
    CHECK(his.series[1].name == "Group mean");
    CHECK(his.series[1].values[0] == group.series[0].values[0]);
    CHECK(his.series[0].marker != his.series[1].marker);
    CHECK(his.series[0].dash != his.series[1].dash);

    // Kept for a person to look at, as wide as the outcomes dialog on a 1024-wide screen.
    for (const auto& [shown, name] : {std::pair(&group, "document-group-ratings.png"),
                                      std::pair(&chart, "document-group-measure.png")}) {
        const double width = 700;
        const double tall = chartHeight(*shown, width, Typography::standard);
        std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface(
            cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(width * 1.5),
                                       static_cast<int>(tall * 1.5)),
            cairo_surface_destroy);
        auto* cr = cairo_create(surface.get());
        cairo_scale(cr, 1.5, 1.5);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        drawChart(cr, *shown, {0, 0, width, tall}, Typography::standard);
        cairo_destroy(cr);
        CHECK(cairo_surface_write_to_png(
                  surface.get(), (std::filesystem::path(ROUNDTABLE_PNG_DIR) / name).c_str()) ==
              CAIRO_STATUS_SUCCESS);
    }
}

TEST_CASE("his mood at each check-in is charted on the five-point scale by session date") {
    const std::vector<practice::DatedRating> moods{{"2026-09-15"_date, 4}, {"2026-09-22"_date, 3}};
    auto chart = moodChart(moods, practice::DateOrder::yearMonthDay);
    CHECK(chart.title == "His mood at the check-in");
    CHECK(chart.valueMin == 1);
    CHECK(chart.valueMax == 5);
    CHECK(chart.categories == std::vector<std::string>{"2026-09-15", "2026-09-22"});
    REQUIRE(chart.series.size() == 1);
    REQUIRE(chart.series[0].values.size() == 2);
    CHECK(chart.series[0].values[0] == 4);
    CHECK(chart.series[0].values[1] == 3);
}
