#pragma once

#include <QString>

namespace kiln {
namespace studio {

// Chooses Kiln Studio's language: the system locale's by default, or one the user picked.
// Installing a language sends QEvent::LanguageChange to every widget, and each retranslates
// itself. English is the source language, so it needs no translator. GUI thread only.
class LanguageManager {
public:
    // "ko" or "en" for a setting of "" (system), "en" or "ko".
    static QString effectiveLanguage(const QString& setting);
    // Installs the translators for `setting`; returns the language now in use. When the Korean
    // catalogue cannot be loaded, falls back to English and returns "en".
    static QString apply(const QString& setting);
    // The language applied last ("en" before any apply()).
    static QString current();
};

}  // namespace studio
}  // namespace kiln
