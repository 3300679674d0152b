// The service's programme in its database, and the change control of its modules.
#include "practice/ServiceProgramme.h"

#include <pugixml.hpp>

#include <algorithm>
#include <regex>

#include "curriculum/ContentHash.h"
#include "curriculum/ModuleComparison.h"
#include "curriculum/ModuleDocument.h"
#include "curriculum/ProgrammeFolder.h"
#include "practice/PictureCheck.h"
#include "practice/Practice.h"
#include "records/PrivateFile.h"
#include "text/Translate.h"

namespace roundtable::practice {
namespace {

constexpr const char* kDisplayPrefix = "service programme/";

/// The module id and version a module text declares, read even when the text has errors.
struct Declared {
    std::string moduleId;
    int version = 0;
    std::ptrdiff_t startTag = -1;  ///< where the <module> start tag's name begins
};

std::optional<Declared> declaredModule(const std::string& xml) {
    pugi::xml_document document;
    if (!document.load_buffer(xml.data(), xml.size(), pugi::parse_default))
        return std::nullopt;
    auto root = document.document_element();
    if (std::string_view(root.name()) != "module")
        return std::nullopt;
    return Declared{root.attribute("id").value(), root.attribute("version").as_int(0),
                    root.offset_debug()};
}

/// `xml` with its <module> element's version attribute set to `version`; nothing else in the
/// text changes (layout and comments stay as the author wrote them).
std::string withVersion(const std::string& xml, int version) {
    auto declared = declaredModule(xml);
    if (!declared || declared->startTag < 0)
        throw ValidationError("module", text::tr("This is not a module file."));
    const auto start = static_cast<std::size_t>(declared->startTag);
    const auto end = xml.find('>', start);
    const std::string tag = xml.substr(start, end - start);
    static const std::regex versionAttribute(R"re(\bversion\s*=\s*("[^"]*"|'[^']*'))re");
    const std::string replacement = "version=\"" + std::to_string(version) + "\"";
    std::string newTag = std::regex_search(tag, versionAttribute)
                             ? std::regex_replace(tag, versionAttribute, replacement,
                                                  std::regex_constants::format_first_only)
                             : tag + " " + replacement;
    return xml.substr(0, start) + newTag + xml.substr(end);
}

/// What an SVG picture says it shows (its <title>), for the picker; "" when it does not say.
std::string pictureTitle(const curriculum::PictureFile& picture) {
    if (picture.type != "svg")
        return {};
    pugi::xml_document document;
    if (!document.load_buffer(picture.bytes.data(), picture.bytes.size()))
        return {};
    return records::trimmed(document.document_element().child_value("title"));
}

}  // namespace

curriculum::PictureNames pictureNames(records::RecordStore& store) {
    curriculum::PictureNames names;
    // A damaged picture is left out: a module naming it is then told it does not exist.
    for (const auto& picture : store.programmePictures()) {
        if (picture.damage.empty())
            names.insert(picture.name);
    }
    return names;
}

bool storeShippedProgrammeIfMissing(records::RecordStore& store,
                                    const std::filesystem::path& shippedDirectory) {
    if (store.hasProgramme())
        return false;
    auto folder = curriculum::readProgrammeFolder(shippedDirectory);
    auto loaded = curriculum::loadProgramme(folder.files);
    std::vector<records::ModuleText> modules;
    for (const auto& module : loaded.programme->modules) {
        modules.push_back({std::string(module.id), module.file, module.version,
                           folder.files.modules.at(module.file), module.contentHash()});
    }
    std::vector<records::ProgrammePicture> pictures;
    for (auto& picture : folder.pictures) {
        auto description = pictureTitle(picture);
        pictures.push_back({picture.name, picture.type, std::move(picture.bytes),
                            description.empty() ? picture.name : description});
    }
    store.storeProgramme(folder.files.manifest, modules, pictures,
                         "The programme as shipped with Roundtable");
    return true;
}

curriculum::ProgrammeFiles serviceProgrammeFiles(records::RecordStore& store) {
    curriculum::ProgrammeFiles files;
    files.displayPrefix = kDisplayPrefix;
    files.manifest = store.programmeManifest();
    files.pictures = pictureNames(store);
    for (const auto& moduleId : store.moduleIds()) {
        auto state = store.moduleState(moduleId);
        if (!state.published)
            continue;
        // A damaged text is left out: the loader then names the module it misses.
        if (!state.published->damage.empty())
            continue;
        files.modules[state.published->text.file] = state.published->text.xml;
    }
    return files;
}

curriculum::LoadResult loadServiceProgramme(records::RecordStore& store) {
    return curriculum::loadProgramme(serviceProgrammeFiles(store));
}

curriculum::Programme serviceProgramme(records::RecordStore& store,
                                       const std::filesystem::path& shippedDirectory) {
    try {
        storeShippedProgrammeIfMissing(store, shippedDirectory);
    } catch (const curriculum::CurriculumFileError& error) {
        throw ValidationError("programme", error.what());
    }
    auto loaded = loadServiceProgramme(store);
    if (!loaded.ok()) {
        std::string problems = text::tr("The programme in this database cannot be used:");
        for (const auto& finding : loaded.findings) {
            if (finding.severity == curriculum::Severity::error)
                problems.append("\n").append(curriculum::format(finding));
        }
        throw ValidationError("programme", problems);
    }
    return std::move(*loaded.programme);
}

curriculum::ModuleLoadResult loadModuleRevision(records::RecordStore& store,
                                                const records::ModuleRevision& revision) {
    auto pictures = pictureNames(store);
    return curriculum::loadModuleText(revision.text.xml, kDisplayPrefix + revision.text.file,
                                      &pictures);
}

ModuleToEdit CurriculumChanges::openForEditing(const std::string& moduleId) {
    ModuleToEdit module;
    const auto user = store_.currentUser();
    module.editable = user && user->role == records::Role::clinicalLead;
    module.state = store_.moduleState(moduleId);
    if (module.editable) {
        module.text = draftText(moduleId);
    } else if (module.state.published) {
        module.text = module.state.published->text.xml;  // what sessions are planned from
    } else {
        throw records::StoreError(text::tr("This module has no published version to show."));
    }
    module.pictures = pictureNames();
    if (!module.editable)
        return module;
    for (const auto& revision : store_.moduleHistory(moduleId).revisions) {
        if (!revision.damage.empty())
            continue;
        try {
            curriculum::ModuleDraft old(revision.text.xml);
            for (std::size_t s = 0; s < old.sessionCount(); ++s)
                module.usedSessionIds.insert(old.sessionId(s));
        } catch (const std::exception&) {
            // A text that cannot be read has no ids to keep.
        }
    }
    return module;
}

std::string CurriculumChanges::reviewSummary(const std::string& moduleId) {
    std::string summary;
    for (const auto& step : store_.moduleHistory(moduleId).steps) {
        if (step.step == records::ModuleStep::sentForReview)
            summary = step.summary;
    }
    return summary;
}

bool CurriculumChanges::wroteDraft(const records::ModuleState& state) const {
    const auto user = store_.currentUser();
    return user && std::find(state.authorIds.begin(), state.authorIds.end(), user->id) !=
                       state.authorIds.end();
}

bool CurriculumChanges::mayPublish(const records::ModuleState& state) {
    if (!wroteDraft(state))
        return true;
    auto setting = store_.recordSetting("service", records::RecordStore::kPublishOwnWork);
    return setting && setting->damage.empty() && setting->value == "yes";
}

std::string CurriculumChanges::draftText(const std::string& moduleId) {
    auto state = store_.moduleState(moduleId);
    if (state.draft)
        return state.draft->text.xml;
    if (!state.published)
        throw ValidationError("module",
                              text::fill(text::tr("There is no module \"{1}\"."), {moduleId}));
    return withVersion(state.published->text.xml, state.published->text.version + 1);
}

curriculum::DraftCheck CurriculumChanges::check(const std::string& xml) {
    auto pictures = pictureNames();
    return curriculum::checkModuleText(xml, {"draft", &pictures, {}});
}

std::int64_t CurriculumChanges::saveDraft(const std::string& xml, bool imported) {
    auto declared = declaredModule(xml);
    if (!declared) {
        throw ValidationError("module", text::tr("This text is not a module: it must be "
                                                 "well-formed XML starting with <module>."));
    }
    auto state = store_.moduleState(declared->moduleId);
    if (!state.published) {
        throw ValidationError(
            "module", text::fill(text::tr("There is no module \"{1}\" in this programme to make a "
                                          "draft of."),
                                 {declared->moduleId}));
    }
    return store_.saveModuleDraft(
        {declared->moduleId, state.published->text.file, declared->version, xml,
         curriculum::sha256Hex(curriculum::canonicalXml(xml))},
        imported);
}

void CurriculumChanges::sendForReview(const std::string& moduleId, const std::string& summary) {
    auto state = store_.moduleState(moduleId);
    if (state.draft) {
        auto found = check(state.draft->text.xml);
        if (found.hasErrors()) {
            int errors = 0;
            for (const auto& each : found.findings)
                errors += each.finding.severity == curriculum::Severity::error;
            throw ValidationError(
                "draft", text::fill(text::trn("This draft has {1} problem to put right before it "
                                              "can be sent for review.",
                                              "This draft has {1} problems to put right before it "
                                              "can be sent for review.",
                                              static_cast<unsigned long>(errors)),
                                    {std::to_string(errors)}));
        }
    }
    store_.takeModuleStep(moduleId, records::ModuleStep::sentForReview, summary);
}

void CurriculumChanges::returnToAuthor(const std::string& moduleId, const std::string& reason) {
    store_.takeModuleStep(moduleId, records::ModuleStep::returned, reason);
}

void CurriculumChanges::publish(const std::string& moduleId, const std::string& reason) {
    store_.takeModuleStep(moduleId, records::ModuleStep::published, reason);
}

void CurriculumChanges::withdraw(const std::string& moduleId, const std::string& reason) {
    store_.takeModuleStep(moduleId, records::ModuleStep::withdrawn, reason);
}

void CurriculumChanges::addPicture(const std::filesystem::path& file, const std::string& name,
                                   const std::string& description) {
    store_.addPicture(checkedPicture(file, name, description));
}

std::string CurriculumChanges::importModule(const std::filesystem::path& file) {
    std::string text;
    try {
        text = curriculum::readWholeFile(file);
    } catch (const curriculum::CurriculumFileError& error) {
        throw ValidationError("file", error.what());
    }
    auto declared = declaredModule(text);
    if (!declared) {
        throw ValidationError("file", text::fill(text::tr("{1} is not a module file: it must be "
                                                          "well-formed XML starting with "
                                                          "<module>."),
                                                 {file.string()}));
    }
    auto state = store_.moduleState(declared->moduleId);
    if (!state.published) {
        throw ValidationError(
            "file", text::fill(text::tr("{1} is the module \"{2}\", which this programme does not "
                                        "have."),
                               {file.string(), declared->moduleId}));
    }
    saveDraft(withVersion(text, state.published->text.version + 1), true);
    return declared->moduleId;
}

records::ModuleRevision CurriculumChanges::revision(const std::string& moduleId,
                                                    const ModuleVersion& which) {
    if (which.draft) {
        auto state = store_.moduleState(moduleId);
        if (!state.draft)
            throw ValidationError("module",
                                  text::fill(text::tr("\"{1}\" has no draft."), {moduleId}));
        return *state.draft;
    }
    if (!which.version) {
        auto state = store_.moduleState(moduleId);
        if (!state.published)
            throw ValidationError("module",
                                  text::fill(text::tr("There is no module \"{1}\"."), {moduleId}));
        return *state.published;
    }
    auto history = store_.moduleHistory(moduleId);
    for (const auto& step : history.steps) {
        if (step.step != records::ModuleStep::published || step.version != *which.version)
            continue;
        for (const auto& revision : history.revisions) {
            if (revision.id == step.revisionId)
                return revision;
        }
    }
    throw ValidationError("version", text::fill(text::tr("\"{1}\" has no published version {2}."),
                                                {moduleId, std::to_string(*which.version)}));
}

void CurriculumChanges::exportModule(const std::string& moduleId, const ModuleVersion& which,
                                     const std::filesystem::path& file) {
    auto chosen = revision(moduleId, which);
    if (!chosen.damage.empty())
        throw ValidationError(
            "module", text::fill(text::tr("This text cannot be exported: {1}"), {chosen.damage}));
    try {
        records::writePrivateFile(file, chosen.text.xml);
    } catch (const records::StoreError& error) {
        throw ValidationError("file", error.what());
    }
    store_.recordAccess(records::Access::exportFile, "module revision", chosen.id);
}

curriculum::ModuleComparison CurriculumChanges::compare(const std::string& moduleId,
                                                        const ModuleVersion& older,
                                                        const ModuleVersion& newer) {
    auto load = [&](const ModuleVersion& which) {
        auto text = revision(moduleId, which);
        auto loaded = loadModuleRevision(store_, text);
        if (!loaded.ok()) {
            throw ValidationError(
                "version", text::fill(text::tr("That text of \"{1}\" has errors, so it cannot be "
                                               "compared yet."),
                                      {moduleId}));
        }
        return std::move(*loaded.module);
    };
    return curriculum::compareModules(load(older), load(newer));
}

std::vector<PublishedVersion> CurriculumChanges::publishedVersions(const std::string& moduleId) {
    const auto history = store_.moduleHistory(moduleId);
    std::vector<PublishedVersion> versions;
    for (const auto& step : history.steps) {
        if (step.step != records::ModuleStep::published)
            continue;
        PublishedVersion published{step.version, {}, step.takenBy, step.takenAt, {}};
        for (const auto& revision : history.revisions) {
            if (revision.text.version == step.version &&
                std::find(published.authors.begin(), published.authors.end(), revision.savedBy) ==
                    published.authors.end())
                published.authors.push_back(revision.savedBy);
        }
        // The summary it was last sent for review with (a version returned and sent again
        // has the later one).
        for (const auto& sent : history.steps) {
            if (sent.version == step.version && sent.step == records::ModuleStep::sentForReview)
                published.summary = sent.summary;
        }
        versions.push_back(std::move(published));
    }
    std::reverse(versions.begin(), versions.end());
    return versions;
}

}  // namespace roundtable::practice
