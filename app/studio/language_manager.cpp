#include "app/studio/language_manager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace kiln {
namespace studio {
namespace {

QPointer<QTranslator> g_kiln;
QPointer<QTranslator> g_qt;
QString g_current = QStringLiteral("en");

// Removing or installing a translator sends QEvent::LanguageChange to every widget.
void removeTranslators() {
    for (QPointer<QTranslator>* translator : {&g_kiln, &g_qt}) {
        if (!*translator) continue;
        QCoreApplication::removeTranslator(*translator);
        delete translator->data();
    }
}

// Installs Kiln's Korean catalogue, and Qt's own for standard buttons when it is installed.
bool installKorean() {
    auto* kiln = new QTranslator(QCoreApplication::instance());
    if (!kiln->load(QStringLiteral(":/i18n/kiln_ko.qm"))) {
        delete kiln;
        return false;
    }
    g_kiln = kiln;
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QStringLiteral("qtbase_ko"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        g_qt = qt;
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    QCoreApplication::installTranslator(kiln);
    return true;
}

// English needs only its plural forms ("1 run", "2 runs"), the sources' "%n run(s)" otherwise.
void installEnglishPlurals() {
    auto* plurals = new QTranslator(QCoreApplication::instance());
    if (!plurals->load(QStringLiteral(":/i18n/kiln_en.qm"))) {
        delete plurals;
        return;
    }
    g_kiln = plurals;
    QCoreApplication::installTranslator(plurals);
}

}  // namespace

QString LanguageManager::effectiveLanguage(const QString& setting) {
    if (setting == QLatin1String("ko") || setting == QLatin1String("en")) return setting;
    return QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko")
                                                           : QStringLiteral("en");
}

QString LanguageManager::apply(const QString& setting) {
    removeTranslators();
    QString language = effectiveLanguage(setting);
    if (language == QLatin1String("ko") && !installKorean()) language = QStringLiteral("en");
    if (language == QLatin1String("en")) installEnglishPlurals();
    QLocale::setDefault(language == QLatin1String("ko")
                            ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                            : QLocale(QLocale::English, QLocale::UnitedStates));
    g_current = language;
    return language;
}

QString LanguageManager::current() {
    return g_current;
}

}  // namespace studio
}  // namespace kiln
