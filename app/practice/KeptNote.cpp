// KeptNote: the note as JSON (Boost.PropertyTree), sealed, written to a new 0600 file that
// then takes the kept file's name, so a crash leaves the old note or the new one, never half.
#include "practice/KeptNote.h"

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "records/PrivateFile.h"
#include "text/Translate.h"

namespace roundtable::practice {
namespace {

using boost::property_tree::ptree;

std::string written(const UnsavedNote& note) {
    ptree tree;
    tree.put("session", note.session.value());
    tree.put("member", note.member.value());
    tree.put("text", note.content.text);
    tree.put("participation", static_cast<int>(note.content.participation));
    tree.put("concern_raised", note.content.concernRaised);
    tree.put("concern", note.concern);
    ptree ratings;
    for (const auto& rating : note.content.ratings) {
        ptree one;
        one.put("indicator", rating.indicatorId);
        one.put("rating", rating.rating);
        ratings.push_back({"", one});
    }
    tree.add_child("ratings", ratings);
    std::ostringstream out;
    boost::property_tree::write_json(out, tree, false);
    return out.str();
}

UnsavedNote read(const std::string& json) {
    ptree tree;
    std::istringstream in(json);
    boost::property_tree::read_json(in, tree);
    UnsavedNote note;
    note.session = records::SessionId(tree.get<std::int64_t>("session"));
    note.member = records::MemberId(tree.get<std::int64_t>("member"));
    note.content.text = tree.get<std::string>("text");
    note.content.participation =
        static_cast<records::Participation>(tree.get<int>("participation"));
    note.content.concernRaised = tree.get<bool>("concern_raised");
    note.concern = tree.get<std::string>("concern");
    for (const auto& [unused, one] : tree.get_child("ratings"))
        note.content.ratings.push_back({one.get<std::string>("indicator"), one.get<int>("rating")});
    return note;
}

}  // namespace

KeptNote::KeptNote(records::RecordStore& store, std::filesystem::path folder) : store_(store) {
    const auto user = store.currentUser();
    const std::string login = user ? user->login : std::string();
    purpose_ = "note-typed-while-away/" + login;
    file_ = std::move(folder) /
            (store.databaseId() + "-" + std::to_string(user ? user->id.value() : 0) + ".note");
}

void KeptNote::keep(const UnsavedNote& note) {
    const auto sealed = store_.sealToKeep(purpose_, written(note));
    std::error_code ignored;
    std::filesystem::create_directories(file_.parent_path(), ignored);
    auto fresh = file_;
    fresh += ".new";
    records::writePrivateFile(
        fresh, std::string_view(reinterpret_cast<const char*>(sealed.data()), sealed.size()));
    std::filesystem::rename(fresh, file_);
}

std::optional<UnsavedNote> KeptNote::kept() const {
    std::ifstream in(file_, std::ios::binary);
    if (!in)
        return std::nullopt;
    const std::vector<unsigned char> sealed{std::istreambuf_iterator<char>(in),
                                            std::istreambuf_iterator<char>()};
    const auto json = store_.openKept(purpose_, sealed);
    if (!json) {
        throw records::StoreError(text::fill(
            text::tr("The note kept on this computer while the server could not be reached "
                     "cannot be read: the file {1} was changed or damaged. It was left there."),
            {file_.string()}));
    }
    return read(*json);
}

void KeptNote::discard() {
    std::error_code ignored;
    std::filesystem::remove(file_, ignored);
}

std::filesystem::path defaultKeptNotesFolder() {
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg)
        return std::filesystem::path(xdg) / "roundtable" / "kept-notes";
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : ".") / ".local" / "state" / "roundtable" /
           "kept-notes";
}

}  // namespace roundtable::practice
