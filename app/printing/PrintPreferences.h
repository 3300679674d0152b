// The service's details for printing (whom carers contact) and its paper, kept in the app's
// settings (settings/Settings.h). Checked as a person types them, before anything is saved.
#pragma once

#include <string>

#include "printing/Printable.h"
#include "settings/Settings.h"

namespace roundtable::printing {

/// What the settings hold; empty contact details and A4 until someone sets them.
[[nodiscard]] PrintPreferences readPrintPreferences(const settings::SettingsStore& store);

/// Checks `preferences` as typed in a form: each text trimmed, blank address lines dropped.
/// practice::ValidationError names the field refused: "service-name", "service-phone",
/// "service-email" or "service-address".
[[nodiscard]] PrintPreferences checkedPrintPreferences(const PrintPreferences& preferences);

/// Checks `preferences` (checkedPrintPreferences), writes them and saves the settings.
void savePrintPreferences(settings::SettingsStore& store, const PrintPreferences& preferences);

/// "a4" or "letter", as the settings keep a paper; any other text reads as A4.
[[nodiscard]] std::string paperName(documents::Paper paper);
[[nodiscard]] documents::Paper paperNamed(const std::string& name);

}  // namespace roundtable::printing
