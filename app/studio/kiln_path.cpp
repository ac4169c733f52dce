#include "app/studio/kiln_path.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace kiln {
namespace studio {
namespace {

bool isExecutableFile(const QString& path) {
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

}  // namespace

QString resolveKilnPath(const QString& appDir, const QString& fromEnvironment) {
    if (!fromEnvironment.isEmpty()) {
        // An explicit choice wins; a wrong one is reported by the worker start, not hidden.
        return QFileInfo(fromEnvironment).absoluteFilePath();
    }
    const QDir dir(appDir);
    for (const QString& candidate : {dir.absoluteFilePath(QStringLiteral("../cli/kiln")),
                                     dir.absoluteFilePath(QStringLiteral("kiln"))}) {
        if (isExecutableFile(candidate)) return QDir::cleanPath(candidate);
    }
    return QStandardPaths::findExecutable(QStringLiteral("kiln"));
}

QString kilnPath() {
    return resolveKilnPath(QCoreApplication::applicationDirPath(),
                           qEnvironmentVariable("KILN_CLI"));
}

}  // namespace studio
}  // namespace kiln
