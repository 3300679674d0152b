// The service's programme, kept in its database (data format 7): stored from the shipped
// content-xml/ at the first sign-in, read back as the newest published version of each module,
// and changed only through the change control below (draft -> in review -> published).
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "curriculum/DraftChecks.h"
#include "curriculum/ModuleComparison.h"
#include "curriculum/ProgrammeLoader.h"
#include "records/RecordStore.h"

namespace roundtable::practice {

/// Stores the programme in `shippedDirectory` (content-xml/) in a database that holds none
/// yet, each module published as version 1 (or whatever its file says), in the signed-in
/// user's name. Returns whether it did. Throws curriculum::CurriculumFileError when the
/// shipped programme cannot be read or has errors.
bool storeShippedProgrammeIfMissing(records::RecordStore& store,
                                    const std::filesystem::path& shippedDirectory);

/// The names of the service's pictures that modules may use (a damaged one is left out).
[[nodiscard]] curriculum::PictureNames pictureNames(records::RecordStore& store);

/// The files of the newest published programme in the database, for the loader.
[[nodiscard]] curriculum::ProgrammeFiles serviceProgrammeFiles(records::RecordStore& store);

/// The newest published programme in the database, checked by the loader (its findings name
/// the files "service programme/...").
[[nodiscard]] curriculum::LoadResult loadServiceProgramme(records::RecordStore& store);

/// The service's programme, stored first from `shippedDirectory` when the database holds none.
/// Throws ValidationError ("programme") naming the findings when it cannot be used.
[[nodiscard]] curriculum::Programme serviceProgramme(records::RecordStore& store,
                                                     const std::filesystem::path& shippedDirectory);

/// A module's text as the database keeps it, loaded with the service's pictures.
[[nodiscard]] curriculum::ModuleLoadResult loadModuleRevision(records::RecordStore& store,
                                                              const records::ModuleRevision& text);

/// Which text of a module: a published version (the newest when `version` is empty), or the
/// open draft.
struct ModuleVersion {
    std::optional<int> version;
    bool draft = false;
};

/// A published version of a module, as its history tells it.
struct PublishedVersion {
    int version = 0;
    std::vector<std::string> authors;  ///< logins of whoever saved its texts
    std::string publishedBy;           ///< login
    std::string publishedAt;           ///< UTC, ISO 8601
    std::string summary;  ///< what it changes, as sent for review ("" for a shipped version)
};

/// The change control of the programme's modules, for clinical leads (the store refuses
/// anyone else). Each step is recorded in the audit log by the store.
/// A module as its editor opens it.
struct ModuleToEdit {
    records::ModuleState state;
    /// Clinical leads edit; anyone else reads the newest published version.
    bool editable = false;
    std::string text;  ///< the draft, or the text a new draft starts from, or the one to read
    curriculum::PictureNames pictures;
    /// Session ids that a published version had: a new session never takes one (sessions
    /// planned from those versions name them).
    std::set<std::string, std::less<>> usedSessionIds;
};

class CurriculumChanges {
  public:
    explicit CurriculumChanges(records::RecordStore& store) : store_(store) {}

    /// The module for the editor, for the signed-in person. Throws StoreError when a
    /// facilitator opens a module with no published version.
    [[nodiscard]] ModuleToEdit openForEditing(const std::string& moduleId);
    [[nodiscard]] records::ModuleState moduleState(const std::string& moduleId) {
        return store_.moduleState(moduleId);
    }
    /// The summary the open draft was last sent for review with ("" when none).
    [[nodiscard]] std::string reviewSummary(const std::string& moduleId);
    /// Whether the signed-in person may publish the draft of `state`: anyone but its authors,
    /// or its author too where the service allows a clinical lead to publish her own work.
    /// The store still decides; this only keeps the editor from offering what it refuses.
    [[nodiscard]] bool mayPublish(const records::ModuleState& state);
    /// Whether the signed-in person wrote part of the draft of `state`.
    [[nodiscard]] bool wroteDraft(const records::ModuleState& state) const;
    /// The service's pictures, for the picker.
    [[nodiscard]] std::vector<records::ProgrammePicture> pictures() {
        return store_.programmePictures();
    }
    [[nodiscard]] curriculum::PictureNames pictureNames() { return practice::pictureNames(store_); }

    /// The text a new draft of the module starts from: its open draft, or else the newest
    /// published version with the next version number.
    [[nodiscard]] std::string draftText(const std::string& moduleId);
    /// The loader's and the editor's checks (easy-read, minutes) on a draft's text, each at
    /// its field, with the service's pictures.
    [[nodiscard]] curriculum::DraftCheck check(const std::string& xml);
    /// Saves the draft (with errors too: it can be saved, not sent for review). The text must
    /// be a module of this programme, at the next version. Returns the revision's id.
    std::int64_t saveDraft(const std::string& xml, bool imported = false);
    /// Needs a summary of the change, and a draft without errors.
    void sendForReview(const std::string& moduleId, const std::string& summary);
    void returnToAuthor(const std::string& moduleId, const std::string& reason);
    /// By a clinical lead who did not write the draft (or with a reason, where the service
    /// allows its clinical lead to publish her own work).
    void publish(const std::string& moduleId, const std::string& reason = {});
    void withdraw(const std::string& moduleId, const std::string& reason);

    /// Adds a pictogram for every module (clinical leads), after the checks of PictureCheck.h.
    void addPicture(const std::filesystem::path& file, const std::string& name,
                    const std::string& description);

    /// A module file (format 1) becomes the module's draft: checked by the loader as it is
    /// saved, unknown content kept, its version set to the next one. Returns the module's id.
    std::string importModule(const std::filesystem::path& file);
    /// Writes a text of the module to `file`, replacing it only when complete; recorded as an
    /// export.
    void exportModule(const std::string& moduleId, const ModuleVersion& which,
                      const std::filesystem::path& file);
    /// The differences from `older` to `newer` (curriculum/ModuleComparison.h), by session,
    /// activity and field; same() when the content is the same.
    [[nodiscard]] curriculum::ModuleComparison compare(const std::string& moduleId,
                                                       const ModuleVersion& older,
                                                       const ModuleVersion& newer);
    /// Every published version of the module, the newest first, with who wrote and who
    /// published it, when, and the summary it was sent for review with.
    [[nodiscard]] std::vector<PublishedVersion> publishedVersions(const std::string& moduleId);

  private:
    [[nodiscard]] records::ModuleRevision revision(const std::string& moduleId,
                                                   const ModuleVersion& which);

    records::RecordStore& store_;
};

}  // namespace roundtable::practice
