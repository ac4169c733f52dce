#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

#include "core/data/table_import.h"
#include "core/database/database_import.h"

class QWidget;

namespace kiln {
namespace widgets {
class JobManager;
}
}  // namespace kiln

namespace kiln {
namespace studio {

class DatabaseImportDialog;
class ImportPreviewDialog;

// Turns dropped or chosen paths into import jobs: a folder imports as an image dataset at once;
// a file opens the import preview first (one file at a time, in the order given), and imports
// with the options chosen there; a database table or query imports after its dialog. Each import is a job in the jobs dock; its failure (the file,
// line and column of bad input) is the job's message and issue. Each import opens its own
// workspace connection on the pool thread.
class ImportController : public QObject {
    Q_OBJECT
public:
    ImportController(kiln::widgets::JobManager* jobs, QWidget* dialogParent);

    // The workspace imports go to.
    void setWorkspace(const QString& dir) { m_workspace = dir; }
    // Imports these files and folders (folders at once, files after their preview).
    void importPaths(const QStringList& paths);
    // File ▸ Import from Database…: the dialog, then the import as a job.
    void importFromDatabase();
    // The preview on screen, or nullptr.
    ImportPreviewDialog* currentPreview() const;
    DatabaseImportDialog* databaseDialog() const;
    QStringList waitingFiles() const { return m_waiting; }

    // Import jobs; a non-empty `description` is recorded on the dataset before the job ends (a
    // sample's source and licence), so the tab that opens shows it.
    int startFileImport(const QString& file, const QString& name, const kiln::ImportOptions& options,
                       const QString& description = {});
    int startImageImport(const QString& folder, const QString& name, const QString& description = {});
    // Reads dataset `name`'s recorded source again (a new version only when it changed); a
    // database source takes the password given earlier in this session, if any.
    int startRefresh(const QString& name);
    // `password` (this session's, maybe empty) goes to the job and nowhere else.
    int startDatabaseImport(const kiln::DatabaseTarget& target, const QString& password,
                            const QString& name, const kiln::ImportOptions& options);

Q_SIGNALS:
    // A job imported (or found already imported) dataset version `reference` ("NAME@3") of
    // kind "table" or "images".
    void datasetImported(const QString& reference, const QString& kind);

public:
    struct Outcome;  // what a finished import made (defined in the .cpp)

private:
    void showNextPreview();
    void previewFinished(int result);
    void jobFinished(int id, bool ok);
    int track(int id, std::shared_ptr<Outcome> outcome);

    kiln::widgets::JobManager* m_jobs;
    QWidget* m_dialogParent;
    QString m_workspace;
    QStringList m_waiting;
    QPointer<ImportPreviewDialog> m_dialog;
    QPointer<DatabaseImportDialog> m_databaseDialog;
    QHash<int, std::shared_ptr<Outcome>> m_outcomes;
};

}  // namespace studio
}  // namespace kiln
