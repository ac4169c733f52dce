// What a Korean screen of Kiln Studio still says in English: the visible texts of a window, and
// the words among them in Latin letters that are neither names of the session's data nor kept in
// Latin on purpose (units, file formats, library names). Shared by the scripted sessions.
#pragma once

#include <QString>
#include <QStringList>

#include <set>

class QWidget;

namespace kiln::test {

// Words a Korean screen may show in Latin letters: names of things, units, abbreviations.
const std::set<QString>& keptInLatin();

// Every text a person reads in the visible widgets under `root`: labels, buttons, tabs, group
// titles, combo boxes, line edits, item views (headers and the first rows), charts, menus.
QStringList visibleTexts(QWidget* root);

// The words of `texts` in Latin letters that are neither a name the session used nor kept in
// Latin on purpose: what a Korean reader would meet in English, each with its text.
QStringList englishWords(const QStringList& texts, const std::set<QString>& names);

}  // namespace kiln::test
