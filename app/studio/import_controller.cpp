#include "app/studio/import_controller.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QWidget>

#include "app/studio/database_import_dialog.h"
#include "app/studio/import_preview_dialog.h"
#include "core/base/names.h"
#include "core/data/dataset_catalog.h"
#include "core/data/dataset_source.h"
#include "core/modules/database_module.h"
#include "core/modules/engine_module.h"
#include "core/store/workspace.h"
#include "widgets/job_manager.h"

namespace kiln {
namespace studio {

// Filled on the job's thread before it finishes; read on the GUI thread after jobFinished.
struct ImportController::Outcome {
    QString reference;
    QString kind;
};

namespace {

// Reports a failed import as an issue too (where: FILE:LINE:COLUMN) and returns it.
kiln::Status fail(kiln::JobContext& job, const kiln::Error& error) {
    job.report({kiln::IssueSeverity::Error, error.message, error.context});
    return error;
}

QString doneText(const QString& reference, bool created, std::uint64_t rows) {
    const QString text =
        created ? QStringLiteral("Imported %1: %2 rows")  // English: said again by widgets/message_texts
                : QStringLiteral("Already imported as %1 (%2 rows)");
    return text.arg(reference).arg(rows);
}

// Records `about` as dataset `dataset`'s description; nothing to do when it is empty.
kiln::Status describe(kiln::Workspace& ws, const std::string& dataset, const std::string& about) {
    if (about.empty()) return {};
    return kiln::DatasetCatalog(ws.catalog()).setDescription(dataset, about);
}

}  // namespace

ImportController::ImportController(kiln::widgets::JobManager* jobs, QWidget* dialogParent)
    : QObject(dialogParent), m_jobs(jobs), m_dialogParent(dialogParent) {
    connect(m_jobs, &kiln::widgets::JobManager::jobFinished, this,
            [this](int id, bool ok) { jobFinished(id, ok); });
}

void ImportController::importPaths(const QStringList& paths) {
    for (const QString& path : paths) {
        const QFileInfo info(path);
        // A folder's name becomes a dataset name by core's rule ("my photos" → "my_photos").
        if (info.isDir())
            startImageImport(path, QString::fromStdString(kiln::validNameFrom(info.fileName().toStdString())));
        else if (!m_waiting.contains(path))
            m_waiting << path;
    }
    if (!m_dialog) showNextPreview();
}

ImportPreviewDialog* ImportController::currentPreview() const { return m_dialog.data(); }

void ImportController::showNextPreview() {
    if (m_waiting.isEmpty()) return;
    m_dialog = new ImportPreviewDialog(m_waiting.takeFirst(), m_dialogParent);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &QDialog::finished, this, &ImportController::previewFinished);
    m_dialog->open();
}

void ImportController::previewFinished(int result) {
    auto* dialog = qobject_cast<ImportPreviewDialog*>(sender());
    if (dialog && result == QDialog::Accepted)
        startFileImport(dialog->file(), dialog->datasetName(), dialog->options());
    m_dialog = nullptr;
    showNextPreview();
}

int ImportController::track(int id, std::shared_ptr<Outcome> outcome) {
    m_outcomes.insert(id, std::move(outcome));
    return id;
}

int ImportController::startFileImport(const QString& file, const QString& name,
                                     const kiln::ImportOptions& options, const QString& description) {
    auto outcome = std::make_shared<Outcome>();
    const std::string dir = m_workspace.toStdString(), path = file.toStdString(), dataset = name.toStdString(),
                      about = description.toStdString();
    auto work = [dir, path, dataset, options, about, outcome](kiln::JobContext& job) -> kiln::Status {
        auto workspace = kiln::Workspace::open(dir, false);
        if (!workspace) return fail(job, workspace.error());
        auto imported = kiln::importTableDataset(*workspace.value(), path, dataset, options, job);
        if (!imported) return fail(job, imported.error());
        if (auto s = describe(**workspace, imported.value().dataset, about); !s) return fail(job, s.error());
        outcome->reference = QString::fromStdString(imported.value().dataset) + QLatin1Char('@') +
                             QString::number(imported.value().version);
        outcome->kind = QStringLiteral("table");
        const QString text = doneText(outcome->reference, imported.value().created,
                                      imported.value().table.manifest.rows);
        job.progress(1, 1, text.toStdString());
        return {};
    };
    return track(m_jobs->start(QStringLiteral("Import %1").arg(QFileInfo(file).fileName()), std::move(work)), outcome);
}

int ImportController::startImageImport(const QString& folder, const QString& name, const QString& description) {
    auto outcome = std::make_shared<Outcome>();
    const std::string dir = m_workspace.toStdString(), path = folder.toStdString(), dataset = name.toStdString(),
                      about = description.toStdString();
    auto work = [dir, path, dataset, about, outcome](kiln::JobContext& job) -> kiln::Status {
        auto workspace = kiln::Workspace::open(dir, false);
        if (!workspace) return fail(job, workspace.error());
        auto engines = kiln::engineModule();
        if (!engines) return fail(job, engines.error());
        auto imported = (*engines)->importImageDataset(*workspace.value(), path, dataset, job);
        if (!imported) return fail(job, imported.error());
        if (auto s = describe(**workspace, imported.value().dataset, about); !s) return fail(job, s.error());
        outcome->reference = QString::fromStdString(imported.value().dataset) + QLatin1Char('@') +
                             QString::number(imported.value().version);
        outcome->kind = QStringLiteral("images");
        const QString text = doneText(outcome->reference, imported.value().created,
                                      imported.value().images.manifest.rows);
        job.progress(1, 1, text.toStdString());
        return {};
    };
    return track(m_jobs->start(QStringLiteral("Import folder %1").arg(QFileInfo(folder).fileName()), std::move(work)),
                 outcome);
}

namespace {

// Reads a dataset's recorded source again: files in this process, databases through
// kiln-database.so.
kiln::Result<kiln::DatasetImport> refreshFromSource(kiln::Workspace& workspace, const std::string& name,
                                                    kiln::JobContext& job) {
    auto spec = kiln::DatasetCatalog(workspace.catalog()).sourceSpec(name);
    if (!spec) return spec.error();
    if (spec->empty())
        return kiln::makeError(kiln::ErrorCode::Unsupported, "the dataset recorded no source to read again", name);
    auto source = kiln::DatasetSource::fromJson(*spec);
    if (!source) return source.error();
    if (source->kind != kiln::DatasetSource::Kind::Database)
        return kiln::refreshFileDataset(workspace, name, *source, job);
    auto clients = kiln::databaseModule();
    if (!clients) return clients.error();
    const kiln::DatabaseTarget target{source->url, source->table, source->query};
    const std::string password =
        DatabaseImportDialog::rememberedPassword(QString::fromStdString(source->url)).toStdString();
    return (*clients)->importDatabaseDataset(workspace, target, password, name, source->options, job);
}

}  // namespace

int ImportController::startRefresh(const QString& name) {
    auto outcome = std::make_shared<Outcome>();
    const std::string dir = m_workspace.toStdString(), dataset = name.toStdString();
    auto work = [dir, dataset, outcome](kiln::JobContext& job) -> kiln::Status {
        auto workspace = kiln::Workspace::open(dir, false);
        if (!workspace) return fail(job, workspace.error());
        auto refreshed = refreshFromSource(**workspace, dataset, job);
        if (!refreshed) return fail(job, refreshed.error());
        outcome->reference = QString::fromStdString(refreshed->dataset) + QLatin1Char('@') +
                             QString::number(refreshed->version);
        outcome->kind = QStringLiteral("table");
        const QString text = refreshed->created
                                 ? doneText(outcome->reference, true, refreshed->table.manifest.rows)
                                 : QStringLiteral("Unchanged: %1 is what its source holds (%2 rows)")
                                       .arg(outcome->reference)
                                       .arg(refreshed->table.manifest.rows);
        job.progress(1, 1, text.toStdString());
        return {};
    };
    return track(m_jobs->start(QStringLiteral("Refresh %1 from its source").arg(name), std::move(work)), outcome);
}

DatabaseImportDialog* ImportController::databaseDialog() const { return m_databaseDialog.data(); }

void ImportController::importFromDatabase() {
    if (m_databaseDialog) {
        m_databaseDialog->raise();
        return;
    }
    m_databaseDialog = new DatabaseImportDialog(m_dialogParent);
    m_databaseDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_databaseDialog, &QDialog::accepted, this, [this] {
        auto* dialog = m_databaseDialog.data();
        startDatabaseImport(dialog->target(), dialog->password(), dialog->datasetName(), dialog->options());
    });
    m_databaseDialog->open();
}

int ImportController::startDatabaseImport(const kiln::DatabaseTarget& target, const QString& password,
                                          const QString& name, const kiln::ImportOptions& options) {
    auto outcome = std::make_shared<Outcome>();
    const std::string dir = m_workspace.toStdString(), dataset = name.toStdString(),
                      secret = password.toStdString();
    auto work = [dir, target, secret, dataset, options, outcome](kiln::JobContext& job) -> kiln::Status {
        auto workspace = kiln::Workspace::open(dir, false);
        if (!workspace) return fail(job, workspace.error());
        auto clients = kiln::databaseModule();
        if (!clients) return fail(job, clients.error());
        auto imported = (*clients)->importDatabaseDataset(*workspace.value(), target, secret, dataset, options, job);
        if (!imported) return fail(job, imported.error());
        outcome->reference = QString::fromStdString(imported.value().dataset) + QLatin1Char('@') +
                             QString::number(imported.value().version);
        outcome->kind = QStringLiteral("table");
        const QString text = doneText(outcome->reference, imported.value().created,
                                      imported.value().table.manifest.rows);
        job.progress(1, 1, text.toStdString());
        return {};
    };
    const QString what = QString::fromStdString(target.table.empty() ? std::string("query") : target.table);
    return track(m_jobs->start(QStringLiteral("Import %1 from a database").arg(what), std::move(work)), outcome);
}

void ImportController::jobFinished(int id, bool ok) {
    const std::shared_ptr<Outcome> outcome = m_outcomes.take(id);
    if (ok && outcome && !outcome->reference.isEmpty())
        Q_EMIT datasetImported(outcome->reference, outcome->kind);
}

}  // namespace studio
}  // namespace kiln
