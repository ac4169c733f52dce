// Kiln Studio: parses the command line, chooses the language, opens the window.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

#include "app/studio/language_manager.h"
#include "app/studio/main_window.h"
#include "app/studio/startup_report.h"
#include "app/studio/studio_resources.h"
#include "app/studio/studio_settings.h"
#include "core/base/build_info.h"

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Kiln"));
    QApplication::setApplicationName(QStringLiteral("Kiln Studio"));
    QApplication::setApplicationVersion(QLatin1String(kiln::build::kKilnVersion));
    QApplication::setDesktopFileName(QStringLiteral("kiln-studio"));
    kiln::studio::initStudioResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/kiln.svg")));
    kiln::studio::LanguageManager::apply(kiln::studio::StudioSettings::language());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Kiln Studio, a desktop ML workbench"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(
        QStringLiteral("workspace"), QApplication::translate("main", "Open the workspace in DIR."),
        QStringLiteral("DIR"));
    parser.addOption(workspace);
    const QCommandLineOption startupReport(
        QStringLiteral("startup-report"),
        QApplication::translate("main", "Print how soon the first window painted, then quit."));
    parser.addOption(startupReport);
    parser.process(app);

    kiln::studio::MainWindow window(parser.value(workspace));
    if (parser.isSet(startupReport)) kiln::studio::reportFirstPaintAndQuit(window);
    // The engines (LibTorch, OpenCV, ONNX, XGBoost) load behind the first window, not before it:
    // the main window's environment probe starts them once it has painted.
    window.show();
    return QApplication::exec();
}
