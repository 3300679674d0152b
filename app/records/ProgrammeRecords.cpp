// The service's programme in its database (format 7): the manifest, pictograms and every text
// of every module, with each module version's change control (draft, in review, published,
// withdrawn). Who may take which step is decided here, beside the rows it writes; whether a
// draft's content is fit for review is the curriculum's to say (practice/Curriculum.h).
#include <algorithm>
#include <map>

#include "records/RecordStore.h"
#include "records/StoreImpl.h"
#include "text/Translate.h"

namespace roundtable::records {
namespace {

constexpr const char* kRevisionColumns =
    "r.id, r.module_id, r.file, r.version, r.xml, r.content_hash, r.saved_by, "
    "COALESCE(u.login, ''), r.saved_at FROM module_revisions r LEFT JOIN users u ON u.id = "
    "r.saved_by";

ModuleStep stepFromText(const std::string& text) {
    if (text == "returned")
        return ModuleStep::returned;
    if (text == "published")
        return ModuleStep::published;
    if (text == "withdrawn")
        return ModuleStep::withdrawn;
    return ModuleStep::sentForReview;
}

}  // namespace

const char* toText(ModuleStep step) {
    switch (step) {
        case ModuleStep::sentForReview:
            return "sent-for-review";
        case ModuleStep::returned:
            return "returned";
        case ModuleStep::published:
            return "published";
        case ModuleStep::withdrawn:
            return "withdrawn";
    }
    return "sent-for-review";
}

namespace {}  // namespace

ModuleRevision RecordStore::Impl::readRevision(const db::Statement& row) {
    ModuleRevision revision;
    revision.id = row.integer(0);
    revision.text = {row.text(1), row.text(2), static_cast<int>(row.integer(3)), row.text(4),
                     row.text(5)};
    revision.savedById = row.integer(6);
    revision.savedBy = row.text(7);
    revision.savedAt = row.text(8);
    noteDamage(revision.damage, "module_revisions", revision.id);
    return revision;
}

namespace {

/// Where the change control of a module stands, from its revisions and steps (both in order).
ModuleState stateFrom(const std::string& moduleId, const std::vector<ModuleRevision>& revisions,
                      const std::vector<ModuleStepRecord>& steps) {
    ModuleState state;
    state.moduleId = moduleId;
    auto revisionWithId = [&](std::int64_t id) -> const ModuleRevision* {
        for (const auto& revision : revisions) {
            if (revision.id == id)
                return &revision;
        }
        return nullptr;
    };
    // A version closes when it is published or its draft withdrawn; what was saved after the
    // newest closing step is the draft of the next version.
    std::int64_t closedUpTo = 0;
    for (const auto& step : steps) {
        if (step.step == ModuleStep::published) {
            if (const auto* revision = revisionWithId(step.revisionId))
                state.published = *revision;
        }
        if (step.step == ModuleStep::published || step.step == ModuleStep::withdrawn)
            closedUpTo = std::max(closedUpTo, step.revisionId);
    }
    for (const auto& revision : revisions) {
        if (revision.id <= closedUpTo)
            continue;
        state.draft = revision;
        if (std::find(state.authorIds.begin(), state.authorIds.end(), revision.savedById) ==
            state.authorIds.end()) {
            state.authorIds.push_back(revision.savedById);
            state.authors.push_back(revision.savedBy);
        }
    }
    if (state.draft) {
        for (const auto& step : steps) {
            if (step.revisionId <= closedUpTo)
                continue;
            if (step.step == ModuleStep::sentForReview)
                state.inReview = step.revisionId == state.draft->id;
            if (step.step == ModuleStep::returned)
                state.inReview = false;
        }
    }
    return state;
}

}  // namespace

bool RecordStore::hasProgramme() {
    impl_->key();
    auto any = impl_->db.prepare("SELECT EXISTS (SELECT 1 FROM programme_manifests)");
    any.step();
    return any.integer(0) != 0;
}

void RecordStore::storeProgramme(const std::string& manifest,
                                 const std::vector<ModuleText>& modules,
                                 const std::vector<ProgrammePicture>& pictures,
                                 const std::string& summary) {
    auto user = impl_->signedInUser();
    auto& db = impl_->db;
    db::Transaction transaction(db);
    if (hasProgramme())
        throw StoreError(text::tr("This database already holds its programme."));
    const auto now = impl_->nowUtc();
    db.prepare("INSERT INTO programme_manifests (xml, saved_by, saved_at, id) VALUES (?, ?, ?, ?)")
        .bind(1, manifest)
        .bind(2, user)
        .bind(3, now)
        .bind(4, impl_->nextId("programme_manifests"))
        .run();
    for (const auto& picture : pictures)
        impl_->insertPicture(picture, user, now);
    auto step = db.prepare(
        "INSERT INTO module_steps (module_id, version, revision_id, step, summary, taken_by, "
        "taken_at, id) VALUES (?, ?, ?, 'published', ?, ?, ?, ?)");
    for (const auto& module : modules) {
        auto revision = impl_->insertRevision(module, user, now);
        step.bind(1, module.moduleId)
            .bind(2, module.version)
            .bind(3, revision)
            .bind(4, summary)
            .bind(5, user)
            .bind(6, now)
            .bind(7, impl_->nextId("module_steps"))
            .run();
        step.reset();
    }
    impl_->audit("store-programme", "programme", std::nullopt);
    transaction.commit();
}

std::string RecordStore::programmeManifest() {
    impl_->key();
    auto newest =
        impl_->db.prepare("SELECT xml, id FROM programme_manifests ORDER BY id DESC LIMIT 1");
    if (!newest.step())
        throw StoreError(text::tr("This database holds no programme yet."));
    if (auto damage = impl_->damageOf("programme_manifests", newest.integer(1)); !damage.empty())
        throw StoreError(
            text::fill(text::tr("The programme's list of modules cannot be used: {1}"), {damage}));
    return newest.text(0);
}

std::vector<ProgrammePicture> RecordStore::programmePictures() {
    impl_->key();
    auto rows = impl_->db.prepare(
        "SELECT name, file_type, bytes, description, id FROM programme_pictures ORDER BY name");
    std::vector<ProgrammePicture> pictures;
    while (rows.step()) {
        auto bytes = rows.blob(2);
        pictures.push_back({rows.text(0), rows.text(1), std::string(bytes.begin(), bytes.end()),
                            rows.text(3), impl_->damageOf("programme_pictures", rows.integer(4))});
    }
    return pictures;
}

std::int64_t RecordStore::Impl::insertPicture(const ProgrammePicture& picture, UserId by,
                                              const std::string& at) {
    auto id = nextId("programme_pictures");
    db.prepare(
          "INSERT INTO programme_pictures (name, file_type, bytes, description, added_by, "
          "added_at, id) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, picture.name)
        .bind(2, picture.fileType)
        .bindBlob(3, std::vector<unsigned char>(picture.bytes.begin(), picture.bytes.end()))
        .bind(4, picture.description)
        .bind(5, by)
        .bind(6, at)
        .bind(7, id)
        .run();
    return id;
}

std::int64_t RecordStore::Impl::insertRevision(const ModuleText& text, UserId by,
                                               const std::string& at) {
    auto id = nextId("module_revisions");
    db.cached(
          "INSERT INTO module_revisions (module_id, file, version, xml, content_hash, saved_by, "
          "saved_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        ->bind(1, text.moduleId)
        .bind(2, text.file)
        .bind(3, text.version)
        .bind(4, text.xml)
        .bind(5, text.contentHash)
        .bind(6, by)
        .bind(7, at)
        .bind(8, id)
        .run();
    return id;
}

void RecordStore::addPicture(const ProgrammePicture& picture) {
    auto user = impl_->requireClinicalLead("add a pictogram");
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto taken = db.prepare("SELECT EXISTS (SELECT 1 FROM programme_pictures WHERE name = ?)");
    taken.bind(1, picture.name).step();
    if (taken.integer(0) != 0) {
        throw StoreError(text::fill(text::tr("There is already a pictogram called \"{1}\". Give "
                                             "the new one another name."),
                                    {picture.name}));
    }
    auto id = impl_->insertPicture(picture, user, impl_->nowUtc());
    impl_->audit("add-picture", "pictogram", id);
    transaction.commit();
}

std::vector<std::string> RecordStore::moduleIds() {
    impl_->key();
    auto rows = impl_->db.prepare(
        "SELECT module_id FROM module_revisions GROUP BY module_id ORDER BY MIN(id)");
    std::vector<std::string> ids;
    while (rows.step())
        ids.push_back(rows.text(0));
    return ids;
}

ModuleHistory RecordStore::moduleHistory(const std::string& moduleId) {
    impl_->key();
    auto& db = impl_->db;
    ModuleHistory history;
    auto revisions = db.prepare(std::string("SELECT ") + kRevisionColumns +
                                " WHERE r.module_id = ? ORDER BY r.id");
    revisions.bind(1, moduleId);
    while (revisions.step())
        history.revisions.push_back(impl_->readRevision(revisions));
    auto steps = db.prepare(
        "SELECT s.id, s.version, s.revision_id, s.step, s.summary, s.taken_by, "
        "COALESCE(u.login, ''), s.taken_at FROM module_steps s LEFT JOIN users u ON u.id = "
        "s.taken_by WHERE s.module_id = ? ORDER BY s.id");
    steps.bind(1, moduleId);
    while (steps.step()) {
        ModuleStepRecord step;
        step.id = steps.integer(0);
        step.version = static_cast<int>(steps.integer(1));
        step.revisionId = steps.integer(2);
        step.step = stepFromText(steps.text(3));
        step.summary = steps.text(4);
        step.takenById = steps.integer(5);
        step.takenBy = steps.text(6);
        step.takenAt = steps.text(7);
        impl_->noteDamage(step.damage, "module_steps", step.id);
        history.steps.push_back(std::move(step));
    }
    return history;
}

ModuleState RecordStore::moduleState(const std::string& moduleId) {
    auto history = moduleHistory(moduleId);
    return stateFrom(moduleId, history.revisions, history.steps);
}

std::optional<ModuleRevision> RecordStore::moduleRevisionWithHash(const std::string& moduleId,
                                                                  const std::string& contentHash) {
    impl_->key();
    auto find = impl_->db.prepare(std::string("SELECT ") + kRevisionColumns +
                                  " WHERE r.module_id = ? AND r.content_hash = ? "
                                  "ORDER BY r.id LIMIT 1");
    find.bind(1, moduleId).bind(2, contentHash);
    if (!find.step())
        return std::nullopt;
    return impl_->readRevision(find);
}

std::int64_t RecordStore::saveModuleDraft(const ModuleText& text, bool imported) {
    auto user = impl_->requireClinicalLead("change the programme");
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto state = moduleState(text.moduleId);
    if (!state.published) {
        throw StoreError(text::fill(text::tr("There is no module \"{1}\" in this database's "
                                             "programme."),
                                    {text.moduleId}));
    }
    if (state.inReview) {
        throw StoreError(
            text::tr("This draft is waiting for review and cannot be changed. Ask the "
                     "reviewer to return it to you first."));
    }
    const int nextVersion = state.published->text.version + 1;
    if (text.version != nextVersion) {
        throw StoreError(text::fill(
            text::tr("A new draft of \"{1}\" must be version {2} (the newest published is version "
                     "{3}), not version {4}."),
            {text.moduleId, std::to_string(nextVersion),
             std::to_string(state.published->text.version), std::to_string(text.version)}));
    }
    if (text.file != state.published->text.file)
        throw StoreError(text::tr("A module keeps its file name from version to version."));
    auto id = impl_->insertRevision(text, user, impl_->nowUtc());
    impl_->audit(imported ? "import-module" : "save-module-draft", "module revision", id);
    transaction.commit();
    return id;
}

void RecordStore::takeModuleStep(const std::string& moduleId, ModuleStep step,
                                 const std::string& summary) {
    auto user = impl_->requireClinicalLead("take part in the programme's change control");
    const auto why = trimmed(summary);
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto state = moduleState(moduleId);
    if (!state.draft)
        throw StoreError(
            text::fill(text::tr("There is no draft of \"{1}\" to do this with."), {moduleId}));
    switch (step) {
        case ModuleStep::sentForReview:
            if (state.inReview)
                throw StoreError(text::tr("This draft has already been sent for review."));
            if (why.empty())
                throw StoreError(
                    text::tr("Say what changed in this version: the reviewer reads it first."));
            break;
        case ModuleStep::returned:
            if (!state.inReview)
                throw StoreError(text::tr("Only a draft waiting for review can be returned."));
            if (why.empty())
                throw StoreError(
                    text::tr("Say why the draft is returned, so its author knows what to do."));
            break;
        case ModuleStep::published: {
            if (!state.inReview)
                throw StoreError(
                    text::tr("A draft must be sent for review before it is published."));
            const bool ownWork = std::find(state.authorIds.begin(), state.authorIds.end(), user) !=
                                 state.authorIds.end();
            auto allowed = recordSetting("service", kPublishOwnWork);
            if (ownWork && (!allowed || !allowed->damage.empty() || allowed->value != "yes")) {
                throw StoreError(
                    text::tr("A version is published by a clinical lead who did not write "
                             "it. (An administrator can allow a service with one clinical "
                             "lead to publish its own work, with a recorded reason.)"));
            }
            if (ownWork && why.empty()) {
                throw StoreError(
                    text::tr("Say why you are publishing your own work without another reviewer."));
            }
            break;
        }
        case ModuleStep::withdrawn:
            if (why.empty())
                throw StoreError(text::tr("Say why the draft is withdrawn."));
            break;
    }
    // Sending for review names the newest text: what the reviewer reads is what is published.
    db.prepare(
          "INSERT INTO module_steps (module_id, version, revision_id, step, summary, taken_by, "
          "taken_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, moduleId)
        .bind(2, state.draft->text.version)
        .bind(3, state.draft->id)
        .bind(4, std::string(toText(step)))
        .bind(5, why)
        .bind(6, user)
        .bind(7, impl_->nowUtc())
        .bind(8, impl_->nextId("module_steps"))
        .run();
    impl_->audit(std::string("module-") + toText(step), "module revision", state.draft->id);
    transaction.commit();
}

void RecordStore::setRecordSetting(const std::string& scope, const std::string& name,
                                   const std::string& value) {
    auto user = impl_->signedInUser();
    if (scope == "service" && impl_->user->role != Role::administrator)
        throw StoreError(text::tr("Only an administrator can change the service's settings."));
    auto& db = impl_->db;
    db::Transaction transaction(db);
    auto id = impl_->nextId("record_settings");
    db.prepare(
          "INSERT INTO record_settings (scope, name, value, set_by, set_at, id) "
          "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, scope)
        .bind(2, name)
        .bind(3, value)
        .bind(4, user)
        .bind(5, impl_->nowUtc())
        .bind(6, id)
        .run();
    impl_->audit("change-setting", "setting", id);
    transaction.commit();
}

std::optional<RecordSetting> RecordStore::recordSetting(const std::string& scope,
                                                        const std::string& name) {
    impl_->key();
    auto newest = impl_->db.prepare(
        "SELECT value, id, set_at FROM record_settings WHERE scope = ? AND name = ? "
        "ORDER BY id DESC LIMIT 1");
    newest.bind(1, scope).bind(2, name);
    if (!newest.step())
        return std::nullopt;
    return RecordSetting{newest.text(0), newest.text(2),
                         impl_->damageOf("record_settings", newest.integer(1))};
}

}  // namespace roundtable::records
