#include "widgets/dataset_loader.h"

#include "core/data/dataset_source.h"

#include <QElapsedTimer>

#include <exception>

#include "core/data/profile_cache.h"
#include "core/data/table.h"
#include "core/store/workspace.h"

namespace kiln {
namespace widgets {
namespace {

QString errorText(const kiln::Error& error) { return QString::fromStdString(error.toString()); }

LoadedDataset open(const QString& workspaceDir, const QString& reference) {
    LoadedDataset loaded;
    auto workspace = kiln::Workspace::open(workspaceDir.toStdString(), false);
    if (!workspace) {
        loaded.error = errorText(workspace.error());
        return loaded;
    }
    kiln::DatasetCatalog catalog(workspace.value()->catalog());
    auto version = catalog.resolve(reference.toStdString());
    if (!version) {
        loaded.error = errorText(version.error());
        return loaded;
    }
    loaded.version = version.value();
    if (auto about = catalog.description(loaded.version.dataset))
        loaded.description = QString::fromStdString(*about);
    if (auto spec = catalog.sourceSpec(loaded.version.dataset); spec && !spec->empty())
        if (auto source = kiln::DatasetSource::fromJson(*spec))
            loaded.source = QString::fromStdString(source->describe());
    loaded.objectsRoot = QString::fromStdString(workspace.value()->objects().root().string());
    auto table = kiln::Table::open(workspace.value()->objects(), loaded.version.contentHash);
    if (!table)
        loaded.error = errorText(table.error());
    else
        loaded.table = table.value();
    return loaded;
}

}  // namespace

QString descriptionLine(const QString& description) {
    if (description.isEmpty()) return {};
    return QStringLiteral("<br><span style='color:#5f6670; font-size:9pt'>%1</span>").arg(description.toHtmlEscaped());
}

LoadedDataset loadDataset(const QString& workspaceDir, const QString& reference) {
    try {
        return open(workspaceDir, reference);
    } catch (const std::exception& e) {
        LoadedDataset failed;
        failed.error = QString::fromLocal8Bit(e.what());
        return failed;
    }
}

namespace {

LoadedProfile profileOf(const QString& workspaceDir, const LoadedDataset& dataset) {
    LoadedProfile loaded;
    QElapsedTimer timer;
    timer.start();
    auto workspace = kiln::Workspace::open(workspaceDir.toStdString(), false);
    if (!workspace) {
        loaded.error = errorText(workspace.error());
        return loaded;
    }
    const kiln::ProfileOptions options;
    kiln::Catalog& catalog = workspace.value()->catalog();
    auto cached = kiln::loadCachedProfile(catalog, dataset.version.id, options);
    if (cached && cached.value()) {
        loaded.profile = std::make_shared<kiln::TableProfile>(std::move(*cached.value()));
        loaded.fromCache = true;
    } else {
        kiln::NullJobContext job;
        auto profile = kiln::profileTable(*dataset.table, options, job);
        if (!profile) {
            loaded.error = errorText(profile.error());
            return loaded;
        }
        loaded.profile = std::make_shared<kiln::TableProfile>(std::move(profile.value()));
        // A cache that cannot be written only costs time next time.
        (void)kiln::storeCachedProfile(catalog, dataset.version.id, options, *loaded.profile,
                                       double(timer.elapsed()) / 1000.0);
    }
    loaded.seconds = double(timer.elapsed()) / 1000.0;
    return loaded;
}

}  // namespace

LoadedProfile loadProfile(const QString& workspaceDir, const LoadedDataset& dataset) {
    try {
        if (!dataset.table) {
            LoadedProfile failed;
            failed.error = dataset.error;
            return failed;
        }
        return profileOf(workspaceDir, dataset);
    } catch (const std::exception& e) {
        LoadedProfile failed;
        failed.error = QString::fromLocal8Bit(e.what());
        return failed;
    }
}

QString versionReference(const kiln::DatasetVersion& version) {
    return QString::fromStdString(version.dataset) + QLatin1Char('@') +
           QString::number(version.version);
}

}  // namespace widgets
}  // namespace kiln
