// The failure edge: one place that knows which exceptions mean what to the user.
#include "ui/Guarded.h"

#include <filesystem>

#include "documents/Document.h"
#include "practice/Practice.h"
#include "records/Types.h"
#include "text/Translate.h"
#include "ui/WxText.h"

namespace roundtable::ui {

Failure currentFailure() {
    try {
        throw;
    } catch (const practice::ValidationError& error) {
        return {error.field(), error.what()};
    } catch (const records::StoreError& error) {
        return {{}, error.what()};
    } catch (const documents::DocumentError& error) {
        return {{}, error.what()};  // written for the user too: a picture or file that failed
    } catch (const std::filesystem::filesystem_error& error) {
        // A file or folder could not be used (no permission, a name too long, ...).
        return {{},
                text::fill(text::tr("The file {1} could not be used ({2})."),
                           {error.path1().string(), error.code().message()})};
    } catch (const std::exception& error) {
        return {{},
                text::fill(text::tr("Something unexpected went wrong, so this was not done ({1}). "
                                    "If it happens again, tell your administrator."),
                           {error.what()})};
    } catch (...) {
        return {{}, text::tr("Something unexpected went wrong, so this was not done.")};
    }
}

bool runGuarded(const ShowFailure& show, const std::function<void()>& work) {
    try {
        work();
        return true;
    } catch (const std::exception&) {
        show(currentFailure());
        return false;
    }
}

ShowFailure atField(wxStaticText* messageLine,
                    std::function<wxWindow*(const std::string&)> fieldFor) {
    return [messageLine, fieldFor = std::move(fieldFor)](const Failure& failure) {
        showRefused(failure.field.empty() ? nullptr : fieldFor(failure.field), messageLine,
                    failure.message);
    };
}

ShowFailure atNamedField(wxWindow* page, wxStaticText* messageLine) {
    return atField(messageLine,
                   [page](const std::string& field) { return fieldNamed(page, field); });
}

}  // namespace roundtable::ui
