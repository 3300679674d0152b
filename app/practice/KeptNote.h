// The progress note being typed when the server holding the records could not be reached
// (issue 15, item 5), kept on this computer until it can be saved: sealed with a key of the
// store's (RecordStore::sealToKeep), so only someone signed in to that store can read it, in
// a file only this account can read (0600), replaced whole at each change. One note per
// store and user: the one in the editor.
#pragma once

#include <filesystem>
#include <optional>

#include "practice/Practice.h"
#include "records/RecordStore.h"

namespace roundtable::practice {

class KeptNote {
  public:
    /// Kept in `folder` (made when first needed) for `store`'s signed-in user.
    KeptNote(records::RecordStore& store, std::filesystem::path folder);

    /// Keeps `note`, replacing what was kept. Throws StoreError when it cannot be written.
    void keep(const UnsavedNote& note);
    /// The note kept, if any. Throws StoreError when the file cannot be read or was altered
    /// (it is then left where it is, for an administrator to look at).
    [[nodiscard]] std::optional<UnsavedNote> kept() const;
    /// Forgets the kept note (once it is saved in the store).
    void discard();
    /// Where the note is kept.
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }

  private:
    records::RecordStore& store_;
    std::filesystem::path file_;
    std::string purpose_;  ///< what the note is sealed as (RecordStore::sealToKeep)
};

/// Where Roundtable keeps notes typed while the server was away: $XDG_STATE_HOME/roundtable/
/// kept-notes, or ~/.local/state/roundtable/kept-notes.
[[nodiscard]] std::filesystem::path defaultKeptNotesFolder();

}  // namespace roundtable::practice
